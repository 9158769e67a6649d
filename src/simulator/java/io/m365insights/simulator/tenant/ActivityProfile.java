package io.m365insights.simulator.tenant;

import java.util.SplittableRandom;

/**
 * Habits that make the activity signals disagree (CONTRACT.md §10), drawn once per person from (seed, person):
 * people who read mail only on a native client (Exchange activity, nothing in the Apps report), people who work only
 * in SharePoint and OneDrive in a browser, new starters (licensed a few days ago, no activity yet), and, among Copilot
 * seat holders, people who never use Copilot and people who use only Copilot Chat.
 */
public final class ActivityProfile {
    public enum Kind { NORMAL, MAIL_ONLY, SITES_ONLY, NEW_STARTER }

    public enum CopilotHabit { USES, UNUSED, CHAT_ONLY }

    private ActivityProfile() {
    }

    /** The key of a directory user in the usage models. */
    public static long key(SimUser u) {
        return u.id.getMostSignificantBits() ^ u.id.getLeastSignificantBits();
    }

    public static Kind of(long seed, long key) {
        double x = new SplittableRandom(UsageModel.mix(seed, key, 2)).nextDouble();
        return x < 0.06 ? Kind.MAIL_ONLY : x < 0.10 ? Kind.SITES_ONLY : x < 0.12 ? Kind.NEW_STARTER : Kind.NORMAL;
    }

    public static Kind of(long seed, SimUser u) {
        return of(seed, key(u));
    }

    public static CopilotHabit copilot(long seed, SimUser u) {
        double x = new SplittableRandom(UsageModel.mix(seed, key(u), 3)).nextDouble();
        return x < 0.3 ? CopilotHabit.UNUSED : x < 0.5 ? CopilotHabit.CHAT_ONLY : CopilotHabit.USES;
    }

    /** How many days before the simulator's "today" a new starter's licenses were assigned: 2 to 12. */
    public static int newStarterDaysAgo(long seed, SimUser u) {
        return 2 + (int) Math.floorMod(UsageModel.mix(seed, key(u), 4), 11L);
    }
}
