package io.m365insights.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * The 34 yes/no flags of a report row as bits of a {@code long}, and the ledger column that stores each: 6 apps
 * (bits 0-5), 4 platforms (6-9), 24 app x platform pairs (10 + 4 * app + platform).
 */
public final class UsageFlags {
    public static final int APPS = 6;
    public static final int PLATFORMS = 4;
    /** Any app. */
    public static final long ANY_APP = 0b111111L;

    /** One flag: its bit, its report column header, and its ledger column. */
    public record Flag(int bit, String header, String column) {
    }

    public static final List<Flag> ALL;

    static {
        List<Flag> all = new ArrayList<>();
        String[] apps = {"Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams"};
        String[] platforms = {"Windows", "Mac", "Mobile", "Web"};
        for (int a = 0; a < APPS; a++) {
            all.add(new Flag(appBit(a), apps[a], apps[a].toLowerCase()));
        }
        for (int p = 0; p < PLATFORMS; p++) {
            all.add(new Flag(platformBit(p), platforms[p], platforms[p].toLowerCase()));
        }
        for (int a = 0; a < APPS; a++) {
            for (int p = 0; p < PLATFORMS; p++) {
                all.add(new Flag(pairBit(a, p), apps[a] + " (" + platforms[p] + ")",
                        apps[a].toLowerCase() + "_" + platforms[p].toLowerCase()));
            }
        }
        ALL = List.copyOf(all);
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).bit() != i) {
                throw new AssertionError("ALL must be in bit order: " + ALL.get(i));
            }
        }
    }

    private UsageFlags() {
    }

    public static int appBit(int app) {
        return app;
    }

    public static int platformBit(int platform) {
        return APPS + platform;
    }

    public static int pairBit(int app, int platform) {
        return APPS + PLATFORMS + app * PLATFORMS + platform;
    }

    /** The bits that make (app, platform) active: for SUITE any of its five apps; platform null = any platform. */
    public static long mask(UsageApp app, Platform platform) {
        long mask = 0;
        for (UsageApp a : app.members()) {
            mask |= 1L << (platform == null ? appBit(a.index) : pairBit(a.index, platform.ordinal()));
        }
        return mask;
    }

    /** The flag of a bit; {@link #ALL} is in bit order, so a flag's position in it is its bit. */
    public static Flag flag(int bit) {
        if (bit < 0 || bit >= ALL.size()) {
            throw new IllegalArgumentException("bit " + bit);
        }
        return ALL.get(bit);
    }
}
