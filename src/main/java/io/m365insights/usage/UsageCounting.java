package io.m365insights.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** An (app, platform) to count; platform null = any platform. */
    record Combo(UsageApp app, Platform platform) {
        String platformName() {
            return platform == null ? "ANY" : platform.name();
        }
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
     * One row per span: period_start, then one count per combo in order (columns c0, c1, ...). Spans with no identity
     * give no row. A span within one month (a month, most weeks) is counted straight from its month's rows: an identity
     * has one row per month, so no per-identity grouping (a sort or hash of every identity, which spills to disk at
     * 100,000 users) is needed; only a week spanning two months ORs each identity's two rows first. The months are
     * listed as constants so that PostgreSQL reads just their rows through the primary key.
     */
    static String sql(List<Span> spans, List<Combo> combos) {
        List<Span> single = spans.stream().filter(s -> s.from().withDayOfMonth(1).equals(s.to().withDayOfMonth(1)))
                .toList();
        List<Span> multi = spans.stream().filter(s -> !single.contains(s)).toList();
        List<String> parts = new ArrayList<>();
        if (!single.isEmpty()) {
            parts.add("with p(period_start, month, mask) as (values " + values(single) + ") select p.period_start, "
                    + counts(combos, c -> "((" + c.stream().map(x -> "m." + x).collect(Collectors.joining(" | "))
                    + ") & p.mask)") + " from p join usage_month m on m.month = p.month where m.month in ("
                    + months(single) + ") group by p.period_start");
        }
        if (!multi.isEmpty()) {
            Set<String> columns = new LinkedHashSet<>();
            combos.forEach(c -> columns.addAll(columns(c)));
            parts.add("with p(period_start, month, mask) as (values " + values(multi) + "), "
                    + "u as (select p.period_start, m.identity_id, "
                    + columns.stream().map(c -> "bit_or(m." + c + " & p.mask) as " + c).collect(Collectors.joining(", "))
                    + " from p join usage_month m on m.month = p.month where m.month in (" + months(multi) + ") "
                    + "group by p.period_start, m.identity_id) select period_start, "
                    + counts(combos, c -> "(" + String.join(" | ", c) + ")") + " from u group by period_start");
        }
        return parts.size() == 1 ? parts.get(0)
                : parts.stream().map(q -> "select * from (" + q + ") s").collect(Collectors.joining(" union all "));
    }

    /** (period_start, month, mask of the span's days in that month) for each month a span touches. */
    private static String values(List<Span> spans) {
        StringBuilder values = new StringBuilder();
        for (Span s : spans) {
            for (LocalDate m = s.from().withDayOfMonth(1); !m.isAfter(s.to()); m = m.plusMonths(1)) {
                LocalDate lo = s.from().isAfter(m) ? s.from() : m;
                LocalDate monthEnd = m.plusMonths(1).minusDays(1);
                LocalDate hi = s.to().isBefore(monthEnd) ? s.to() : monthEnd;
                int mask = (int) (((1L << hi.getDayOfMonth()) - 1) & ~((1L << (lo.getDayOfMonth() - 1)) - 1));
                values.append(values.isEmpty() ? "" : ", ").append("(date '").append(s.periodStart())
                        .append("', date '").append(m).append("', ").append(mask).append(")");
            }
        }
        return values.toString();
    }

    private static String months(List<Span> spans) {
        Set<LocalDate> months = new java.util.TreeSet<>();
        for (Span s : spans) {
            for (LocalDate m = s.from().withDayOfMonth(1); !m.isAfter(s.to()); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        return months.stream().map(m -> "date '" + m + "'").collect(Collectors.joining(", "));
    }

    private static List<String> columns(Combo combo) {
        long mask = UsageFlags.mask(combo.app(), combo.platform());
        return UsageFlags.ALL.stream().filter(f -> (mask & (1L << f.bit())) != 0).map(UsageFlags.Flag::column).toList();
    }

    /** count(*) filter (where EXPR <> 0) as cN per combo, EXPR built from the combo's ledger columns. */
    private static String counts(List<Combo> combos, java.util.function.Function<List<String>, String> active) {
        List<String> counts = new ArrayList<>();
        for (Combo combo : combos) {
            counts.add("count(*) filter (where " + active.apply(columns(combo)) + " <> 0) as c" + counts.size());
        }
        return String.join(", ", counts);
    }
}
