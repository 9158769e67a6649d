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
     * give no row.
     */
    static String sql(List<Span> spans, List<Combo> combos) {
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
        Set<String> columns = new LinkedHashSet<>();
        List<String> counts = new ArrayList<>();
        for (Combo combo : combos) {
            long mask = UsageFlags.mask(combo.app(), combo.platform());
            List<String> cols = UsageFlags.ALL.stream().filter(f -> (mask & (1L << f.bit())) != 0)
                    .map(UsageFlags.Flag::column).toList();
            columns.addAll(cols);
            counts.add("count(*) filter (where (" + String.join(" | ", cols) + ") <> 0) as c" + counts.size());
        }
        return "with p(period_start, month, mask) as (values " + values + "), "
                + "u as (select p.period_start, m.identity_id, "
                + columns.stream().map(c -> "bit_or(m." + c + " & p.mask) as " + c).collect(Collectors.joining(", "))
                + " from p join usage_month m on m.month = p.month group by p.period_start, m.identity_id) "
                + "select period_start, " + String.join(", ", counts) + " from u group by period_start";
    }
}
