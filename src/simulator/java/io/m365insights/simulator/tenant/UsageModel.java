package io.m365insights.simulator.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Daily Microsoft 365 Apps usage of the simulated tenant: a pure function of (seed, person, date), so any day can be
 * served, re-served identically, and recomputed by a test. Each person has habits of their own: how often they work,
 * less on weekends, which apps they favour, which platforms they own (Windows or Mac desktop, mobile, web).
 *
 * <p>Flag bits (the report's columns): apps 0-5 (Outlook, Word, Excel, PowerPoint, OneNote, Teams), platforms 6-9
 * (Windows, Mac, Mobile, Web), app x platform 10 + 4 * app + platform.
 */
public final class UsageModel {
    public static final int APPS = 6;
    public static final int PLATFORMS = 4;
    public static final String[] APP_NAMES = {"Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams"};
    public static final String[] PLATFORM_NAMES = {"Windows", "Mac", "Mobile", "Web"};
    private static final double[] APP_BASE = {0.92, 0.55, 0.45, 0.25, 0.12, 0.85};
    /** SKUs whose holders appear in the Microsoft 365 Apps report (they include the apps). */
    private static final Set<UUID> APPS_SKUS = Set.of(SkuCatalog.SPE_E3, SkuCatalog.SPE_E5, SkuCatalog.ENTERPRISEPACK);

    private UsageModel() {
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

    /** One row of a day's report. {@code upn} is the name as the report shows it (a token when concealed). */
    public record Row(String upn, long flags, LocalDate lastActivityDate, LocalDate lastActivationDate) {
    }

    /** A person in the report: a directory user, or an identity only the report knows (a deleted user). */
    record Person(String upn, long key, boolean active, LocalDate lastActivation) {
    }

    /** Whether a directory user appears in the Microsoft 365 Apps report: holding a SKU that includes the apps. */
    static boolean inReport(SimUser u) {
        return u.effectiveSkuIds().stream().anyMatch(APPS_SKUS::contains);
    }

    /** The report rows for {@code date}, named or concealed; the most recent day may be incomplete. */
    public static List<Row> report(SimulatedTenant t, long seed, LocalDate date, boolean concealed, boolean incomplete) {
        List<Person> people = new ArrayList<>();
        for (SimUser u : t.users()) {
            if (inReport(u)) {
                long key = u.id.getMostSignificantBits() ^ u.id.getLeastSignificantBits();
                people.add(new Person(u.userPrincipalName, key, u.accountEnabled, activation(seed, key, u)));
            }
        }
        int formers = Math.max(2, t.userCount() / 100);
        for (int k = 1; k <= formers; k++) {
            String upn = "former.employee" + k + "@" + TenantGenerator.DOMAIN;
            people.add(new Person(upn, upn.hashCode() * 31L + k, true, null));
        }
        List<Row> rows = new ArrayList<>(people.size() + 2);
        for (Person p : people) {
            if (incomplete && Math.floorMod(mix(seed, p.key, date.toEpochDay()), 10) == 0) {
                continue; // Microsoft has not finished this day yet
            }
            Habits h = habits(seed, p);
            long flags = flags(seed, p, h, date);
            LocalDate last = flags != 0 ? date : lastActive(seed, p, h, date.minusDays(1), 60);
            String name = concealed ? token(p.upn, t.tenantId()) : p.upn;
            rows.add(new Row(name, flags, last, p.lastActivation));
        }
        for (int k = 0; k < 2; k++) { // rows Microsoft cannot attribute
            SplittableRandom r = new SplittableRandom(mix(seed, 77_000 + k, date.toEpochDay()));
            rows.add(new Row("(Unknown)", r.nextDouble() < 0.6 ? (1L << appBit(0)) | (1L << platformBit(3))
                    | (1L << pairBit(0, 3)) : 0L, null, null));
        }
        return rows;
    }

    /** A person's habits: drawn once from (seed, person), the same whatever the day. */
    record Habits(boolean never, double weekday, double weekend, boolean mac, double mobile, double web,
                  double[] appRate, boolean webAndMobileOnly) {
        static final Habits NONE = new Habits(true, 0, 0, false, 0, 0, new double[APPS], false);
    }

    /**
     * About 8% of people who use the apps at all use them only on a phone or in a browser, never on a desktop (drawn
     * from a stream of their own, so every other habit and day stays as it was): a full-suite seat they could trade for
     * a web and mobile SKU.
     */
    public static boolean webAndMobileOnly(long seed, long key) {
        return new SplittableRandom(mix(seed, key, 5)).nextDouble() < 0.08;
    }

    static Habits habits(long seed, Person p) {
        // people whose work shows in other signals only (mail on a native client, SharePoint/OneDrive in a browser)
        // and new starters have no Apps activity (ActivityProfile)
        if (!p.active || ActivityProfile.of(seed, p.key) != ActivityProfile.Kind.NORMAL) {
            return Habits.NONE;
        }
        SplittableRandom habits = new SplittableRandom(mix(seed, p.key, 0));
        if (habits.nextDouble() < 0.05) {
            return Habits.NONE; // holds a license and never uses it
        }
        double weekday = 0.35 + 0.6 * habits.nextDouble();
        double weekend = weekday * (0.05 + 0.3 * habits.nextDouble());
        boolean mac = habits.nextDouble() < 0.25;
        double mobile = habits.nextDouble() < 0.65 ? 0.3 + 0.5 * habits.nextDouble() : 0;
        double web = habits.nextDouble() < 0.5 ? 0.2 + 0.5 * habits.nextDouble() : 0;
        double[] appRate = new double[APPS];
        for (int a = 0; a < APPS; a++) {
            appRate[a] = Math.min(1, APP_BASE[a] * (0.4 + 1.2 * habits.nextDouble()));
        }
        return new Habits(false, weekday, weekend, mac, mobile, web, appRate, webAndMobileOnly(seed, p.key));
    }

    /** The day's flags of a person whose habits are known (computing them once per report keeps it fast). */
    static long flags(long seed, Person p, Habits h, LocalDate date) {
        if (h.never) {
            return 0;
        }
        SplittableRandom day = new SplittableRandom(mix(seed, p.key, date.toEpochDay()));
        boolean weekendDay = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (day.nextDouble() >= (weekendDay ? h.weekend : h.weekday)) {
            return 0;
        }
        boolean mac = h.mac;
        boolean[] platformToday = {!mac && day.nextDouble() < 0.9, mac && day.nextDouble() < 0.9,
                day.nextDouble() < h.mobile, day.nextDouble() < h.web};
        if (!platformToday[0] && !platformToday[1] && !platformToday[2] && !platformToday[3]) {
            platformToday[mac ? 1 : 0] = true;
        }
        if (h.webAndMobileOnly) { // the same draws, the desktop taken away: the day moves to the web
            boolean any = platformToday[0] || platformToday[1];
            platformToday[0] = false;
            platformToday[1] = false;
            if (any && !platformToday[2]) {
                platformToday[3] = true;
            }
        }
        long flags = 0;
        for (int a = 0; a < APPS; a++) {
            if (day.nextDouble() >= h.appRate[a]) {
                continue;
            }
            boolean any = false;
            for (int pl = 0; pl < PLATFORMS; pl++) {
                if (platformToday[pl] && day.nextDouble() < 0.7) {
                    flags |= (1L << pairBit(a, pl)) | (1L << platformBit(pl));
                    any = true;
                }
            }
            if (!any) { // used the app: on at least one of today's platforms
                int pl = platformToday[0] ? 0 : platformToday[1] ? 1 : platformToday[2] ? 2 : 3;
                flags |= (1L << pairBit(a, pl)) | (1L << platformBit(pl));
            }
            flags |= 1L << appBit(a);
        }
        return flags;
    }

    private static LocalDate lastActive(long seed, Person p, Habits h, LocalDate from, int maxDays) {
        if (h.never) {
            return null;
        }
        for (int i = 0; i < maxDays; i++) {
            LocalDate d = from.minusDays(i);
            if (flags(seed, p, h, d) != 0) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate activation(long seed, long key, SimUser u) {
        SplittableRandom r = new SplittableRandom(mix(seed, key, 1));
        if (r.nextDouble() < 0.1) {
            return null; // never activated the desktop apps
        }
        return LocalDate.ofInstant(u.createdDateTime, java.time.ZoneOffset.UTC).plusDays(r.nextInt(1, 200));
    }

    /** The concealed form of a name: a stable 32-digit upper-case hex token (Microsoft's algorithm is unknown). */
    public static String token(String upn, UUID tenantId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((upn.toLowerCase() + "|" + tenantId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A directory user as the report sees them. */
    static Person person(long seed, SimUser u) {
        long key = ActivityProfile.key(u);
        return new Person(u.userPrincipalName, key, u.accountEnabled, activation(seed, key, u));
    }

    static long mix(long seed, long a, long b) {
        long x = seed * 0x9E3779B97F4A7C15L ^ a * 0xC2B2AE3D27D4EB4FL ^ b * 0x165667B19E3779F9L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
