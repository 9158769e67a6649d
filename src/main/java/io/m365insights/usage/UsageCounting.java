package io.m365insights.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that counts distinct active identities per period from the ledger: for each period, OR each identity's day
 * bits over the period's days (a week may span two months), then count identities per (app, platform). Used to fill
 * the pre-aggregates when a day is stored, and for partial periods at the ends of a query range.
 */
final class UsageCounting {
    private UsageCounting() {
    }

    /** Days [from, to] of the period starting at {@code periodStart}. */
    record Span(LocalDate periodStart, LocalDate from, LocalDate to) {
    }

    /** An (app, platform) to count, and the key of a count; platform null = any platform. */
    record Combo(UsageApp app, Platform platform) {
        String platformName() {
            return UsageCounting.platformName(platform);
        }

        /** This combo's place in a period's counts (an array of {@link #COMBOS}): each combo has its own. */
        int index() {
            return app.ordinal() * PLATFORM_SLOTS + (platform == null ? PLATFORM_SLOTS - 1 : platform.ordinal());
        }

        /** The place of the combo a stored row names (columns app and platform of usage_daily and usage_period). */
        static int index(String app, String platform) {
            return UsageApp.valueOf(app).ordinal() * PLATFORM_SLOTS
                    + (ANY_PLATFORM.equals(platform) ? PLATFORM_SLOTS - 1 : Platform.valueOf(platform).ordinal());
        }

        /** A set of combos as one bit per {@link #index()}. */
        static long mask(List<Combo> combos) {
            long mask = 0;
            for (Combo c : combos) {
                mask |= 1L << c.index();
            }
            return mask;
        }
    }

    /** Each platform and "any platform". */
    private static final int PLATFORM_SLOTS = Platform.values().length + 1;

    /** The size of a period's counts: one per (app, platform or any platform). */
    static final int COMBOS = UsageApp.values().length * PLATFORM_SLOTS;

    /** The counts of a period without any: never written to. */
    static final int[] NO_COUNTS = new int[COMBOS];

    static {
        if (COMBOS > Long.SIZE) {
            throw new IllegalStateException("more (app, platform) combinations than Combo.mask holds: " + COMBOS);
        }
    }

    /** How the tables store "any platform" (platform null in the API): their platform column is not null. */
    private static final String ANY_PLATFORM = "ANY";

    /** The platform as the tables store it. */
    static String platformName(Platform platform) {
        return platform == null ? ANY_PLATFORM : platform.name();
    }

    static List<Combo> allCombos() {
        List<Combo> combos = new ArrayList<>();
        for (UsageApp app : UsageApp.values()) {
            combos.add(new Combo(app, null));
            for (Platform p : Platform.values()) {
                combos.add(new Combo(app, p));
            }
        }
        return combos;
    }

    /**
     * One row per span: period_start, then one count per combo in order (columns c0, c1, ...). A span within one month
     * is a single pass over that month's ledger rows; a week spanning two months joins the two months' rows by
     * identity (a full join: someone may appear in one month only). No grouping, no per-identity aggregation.
     */
    static String sql(List<Span> spans, List<Combo> combos) {
        List<String> selects = new ArrayList<>();
        for (Span s : spans) {
            List<LocalDate> months = new ArrayList<>();
            List<Integer> masks = new ArrayList<>();
            for (LocalDate m = s.from().withDayOfMonth(1); !m.isAfter(s.to()); m = m.plusMonths(1)) {
                LocalDate lo = s.from().isAfter(m) ? s.from() : m;
                LocalDate monthEnd = m.plusMonths(1).minusDays(1);
                LocalDate hi = s.to().isBefore(monthEnd) ? s.to() : monthEnd;
                months.add(m);
                masks.add((int) (((1L << hi.getDayOfMonth()) - 1) & ~((1L << (lo.getDayOfMonth() - 1)) - 1)));
            }
            List<String> counts = new ArrayList<>();
            for (Combo combo : combos) {
                List<String> cols = columns(combo);
                List<String> perMonth = new ArrayList<>();
                for (int i = 0; i < months.size(); i++) {
                    String alias = months.size() == 1 ? "" : "m" + i + ".";
                    String ored = cols.stream().map(c -> months.size() == 1 ? c : "coalesce(" + alias + c + ", 0)")
                            .collect(Collectors.joining(" | "));
                    perMonth.add("((" + ored + ") & " + masks.get(i) + ")");
                }
                counts.add("count(*) filter (where (" + String.join(" | ", perMonth) + ") <> 0) as c" + counts.size());
            }
            String from;
            if (months.size() == 1) {
                from = "usage_month where month = date '" + months.get(0) + "' and (present & " + masks.get(0) + ") <> 0";
            } else {
                StringBuilder join = new StringBuilder();
                for (int i = 0; i < months.size(); i++) {
                    String sub = "(select * from usage_month where month = date '" + months.get(i) + "' and (present & "
                            + masks.get(i) + ") <> 0) m" + i;
                    join.append(i == 0 ? sub : " full join " + sub + " using (identity_id)");
                }
                from = join.toString();
            }
            selects.add("select date '" + s.periodStart() + "' as period_start, " + String.join(", ", counts)
                    + " from " + from);
        }
        return String.join(" union all ", selects);
    }

    private static List<String> columns(Combo combo) {
        long mask = UsageFlags.mask(combo.app(), combo.platform());
        return UsageFlags.ALL.stream().filter(f -> (mask & (1L << f.bit())) != 0).map(UsageFlags.Flag::column).toList();
    }
}
