package io.m365insights.usage;

import io.m365insights.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import io.m365insights.sync.CopyIn;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores report days in the ledger. Each day's file is read whole into staging first (streamed, COPY in batches) and
 * its rows, grouped by report name, are kept with their date in a temporary table of the sync's session
 * ({@code usage_batch_name}): a file we cannot read stages nothing. Then the staged days of one month are applied in
 * one transaction: each identity's month row is written once (the batch's day bits cleared and set again from the
 * staged rows), every other row of the month holding bits of those days has them cleared, and each touched week and
 * the month are counted again once. The days' data replaces their previous data atomically; no other day is touched.
 */
@ApplicationScoped
public class UsageDayStore {
    /** What storing a day did. */
    public record DayResult(LocalDate day, int rows, int concealedRows, int unmatchedRows, boolean replaced,
                            LocalDate refreshDate) {
    }

    /** A day read whole into staging, waiting to be applied with the other staged days of its month. */
    public record StagedDay(LocalDate day, int rows, int concealedRows, LocalDate refreshDate) {
        LocalDate month() {
            return day.withDayOfMonth(1);
        }

        int bit() {
            return 1 << (day.getDayOfMonth() - 1);
        }
    }

    public Set<LocalDate> storedDays(Connection c, LocalDate from, LocalDate to) throws SQLException {
        Set<LocalDate> days = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select report_date from usage_report_day where report_date between ? and ?")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getDate(1).toLocalDate());
                }
            }
        }
        return days;
    }

    /**
     * Starts a batch: the session's table of staged days exists and is empty (nothing is left of a batch an earlier
     * run on this pooled connection could not apply).
     */
    public void startBatch(Connection c) throws SQLException {
        Jdbc.execute(c, "create temp table if not exists usage_batch_name (report_date date not null, day_bit integer "
                + "not null, report_name text not null, concealed boolean not null, flags bigint not null, "
                + "last_activity_date date, last_activation_date date)");
        Jdbc.execute(c, "truncate usage_batch_name");
    }

    /**
     * Reads a day's file into staging and adds its rows, one per report name (a name listed twice is one identity: its
     * flags ORed), to the batch. A file that cannot be read adds nothing.
     */
    public StagedDay stageDay(Connection c, LocalDate day, InputStream csv) throws SQLException {
        StagedDay staged = stage(c, day, csv);
        try (PreparedStatement ps = c.prepareStatement("insert into usage_batch_name select ?::date, ?, report_name, "
                + "bool_or(concealed), bit_or(flags), max(last_activity_date), max(last_activation_date) "
                + "from staged_usage_row group by report_name")) {
            ps.setDate(1, Date.valueOf(day));
            ps.setInt(2, staged.bit());
            ps.executeUpdate();
        } finally {
            Jdbc.execute(c, "truncate staged_usage_row");
        }
        return staged;
    }

    private StagedDay stage(Connection c, LocalDate day, InputStream csv) throws SQLException {
        Jdbc.execute(c, "truncate staged_usage_row");
        int[] unknown = {0};
        int[] concealed = {0};
        LocalDate[] refresh = {null};
        int rows;
        try (CopyIn copy = CopyIn.streaming(c, "staged_usage_row", "report_name", "concealed", "flags",
                "last_activity_date", "last_activation_date")) {
            rows = UsageReportParser.parse(csv, row -> {
                // each unattributed row is its own identity: "(Unknown)#1", "(Unknown)#2", ... in file order
                String name = row.name().equals("(Unknown)") ? "(Unknown)#" + (++unknown[0]) : row.name();
                if (row.concealed()) {
                    concealed[0]++;
                }
                if (row.refreshDate() != null && (refresh[0] == null || row.refreshDate().isAfter(refresh[0]))) {
                    refresh[0] = row.refreshDate();
                }
                copy.row(name, row.concealed(), row.flags(), row.lastActivityDate(), row.lastActivationDate());
            });
        }
        return new StagedDay(day, rows, concealed[0], refresh[0]);
    }

    /**
     * Applies the staged days (all of one month, each staged once since {@link #startBatch}) in one transaction; the
     * batch is empty afterwards, applied or not. Results in the order of {@code days}.
     */
    public List<DayResult> applyBatch(Connection c, List<StagedDay> days, long runId) throws SQLException {
        try {
            return Jdbc.inTransaction(c, () -> apply(c, days, runId));
        } finally {
            Jdbc.execute(c, "truncate usage_batch_name");
        }
    }

    private List<DayResult> apply(Connection c, List<StagedDay> days, long runId) throws SQLException {
        LocalDate month = days.get(0).month();
        for (StagedDay d : days) {
            if (!d.month().equals(month)) {
                throw new IllegalArgumentException("a batch holds days of one month: " + d.day() + " is not in " + month);
            }
        }
        int clear = days.stream().mapToInt(StagedDay::bit).reduce(0, (a, b) -> a | b); // the batch's days
        java.sql.Array dates = c.createArrayOf("date", days.stream().map(d -> Date.valueOf(d.day())).toArray());
        List<UsageFlags.Flag> flags = UsageFlags.ALL;
        String columns = flags.stream().map(UsageFlags.Flag::column).collect(Collectors.joining(", "));
        Set<LocalDate> replaced = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select report_date from usage_report_day where report_date = any (?)")) {
            ps.setArray(1, dates);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replaced.add(rs.getDate(1).toLocalDate());
                }
            }
        }
        Jdbc.execute(c, "analyze usage_batch_name");
        // Each name's rows of the batch, grouped once into one row per identity that the statements below read: its
        // day bits (present and per flag) and latest dates (activity: the report's own date, or a day any app was used).
        Jdbc.execute(c, "create temp table usage_batch_by_name on commit drop as select report_name, bool_or(concealed) "
                + "as concealed, bit_or(day_bit) as present, "
                + flags.stream().map(f -> "bit_or(case when flags & " + (1L << f.bit()) + " <> 0 then day_bit else 0 end) as "
                + f.column()).collect(Collectors.joining(", "))
                + ", max(greatest(last_activity_date, case when flags & " + UsageFlags.ANY_APP + " <> 0 then report_date "
                + "end)) as last_activity_date, max(last_activation_date) as last_activation_date "
                + "from usage_batch_name group by report_name");
        Jdbc.execute(c, "insert into usage_identity (report_name, concealed) select report_name, concealed from "
                + "usage_batch_by_name n where not exists (select 1 from usage_identity i where i.report_name = n.report_name) "
                + "on conflict (report_name) do nothing");
        Jdbc.execute(c, "create temp table usage_batch on commit drop as select i.id as identity_id, n.* from "
                + "usage_batch_by_name n join usage_identity i on i.report_name = n.report_name");
        // Indexed, so that no plan of the statements joining it can scan it once per ledger row: right after a first
        // sync, usage_month's statistics may still say the month is empty, and the planner then picked a nested loop
        // over the unindexed table for the update below (a refresh of 100,000 identities ran for minutes, not 0.3 s).
        Jdbc.execute(c, "create unique index on usage_batch (identity_id)");
        Jdbc.execute(c, "analyze usage_batch");
        // the batch's days go from the rows of identities absent from them; the others are rewritten once, below
        Jdbc.execute(c, "update usage_month m set present = present & ~" + clear + ", "
                + flags.stream().map(f -> f.column() + " = " + f.column() + " & ~" + clear)
                .collect(Collectors.joining(", "))
                + " where month = '" + month + "' and (present & " + clear + ") <> 0"
                + " and not exists (select 1 from usage_batch s where s.identity_id = m.identity_id)");
        Jdbc.execute(c, "insert into usage_month as m (month, identity_id, present, " + columns + ") select '" + month
                + "', identity_id, present, " + columns + " from usage_batch"
                + " on conflict (month, identity_id) do update set present = (m.present & ~" + clear + ") | excluded.present, "
                + flags.stream().map(f -> f.column() + " = (m." + f.column() + " & ~" + clear + ") | excluded." + f.column())
                .collect(Collectors.joining(", ")));
        String activity = "greatest(i.last_activity_date, s.last_activity_date)";
        String activation = "greatest(i.last_activation_date, s.last_activation_date)";
        Jdbc.execute(c, "update usage_identity i set last_activity_date = " + activity + ", last_activation_date = "
                + activation + " from usage_batch s where i.id = s.identity_id"
                // only rows that change: most identities' dates stay as they were
                + " and (i.last_activity_date is distinct from " + activity + " or i.last_activation_date is distinct from "
                + activation + ")");
        dailyCounts(c, dates);
        newDataVersion(c);
        Set<LocalDate> weeks = new java.util.TreeSet<>();
        days.forEach(d -> weeks.add(Granularity.WEEK.periodStart(d.day())));
        for (LocalDate week : weeks) {
            periodCounts(c, Granularity.WEEK, week);
        }
        periodCounts(c, Granularity.MONTH, month);
        java.util.Map<LocalDate, Integer> unmatched = new java.util.HashMap<>();
        // the names without a directory user, looked up once per name (not once per name and day), then their rows
        try (PreparedStatement ps = c.prepareStatement("select s.report_date, count(*) from usage_batch_name s join "
                + "(select n.report_name from usage_batch_by_name n where not n.concealed and not exists "
                + "(select 1 from directory_user d where d.sort_upn = n.report_name)) u on u.report_name = s.report_name "
                + "where not s.concealed group by s.report_date")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unmatched.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
                }
            }
        }
        List<DayResult> results = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into usage_report_day (report_date, refresh_date, row_count, concealed_rows, unmatched_rows,
                    fetched_at, run_id) values (?, ?, ?, ?, ?, now(), ?)
                on conflict (report_date) do update set refresh_date = excluded.refresh_date,
                    row_count = excluded.row_count, concealed_rows = excluded.concealed_rows,
                    unmatched_rows = excluded.unmatched_rows, fetched_at = now(), run_id = excluded.run_id""")) {
            for (StagedDay d : days) {
                DayResult r = new DayResult(d.day(), d.rows(), d.concealedRows(), unmatched.getOrDefault(d.day(), 0),
                        replaced.contains(d.day()), d.refreshDate());
                ps.setDate(1, Date.valueOf(d.day()));
                ps.setDate(2, d.refreshDate() == null ? null : Date.valueOf(d.refreshDate()));
                ps.setInt(3, r.rows());
                ps.setInt(4, r.concealedRows());
                ps.setInt(5, r.unmatchedRows());
                ps.setLong(6, runId);
                ps.addBatch();
                results.add(r);
            }
            ps.executeBatch();
        }
        return results;
    }

    /**
     * Distinct active identities per day of the batch, app (SUITE too) and platform (ANY too): exact, no union needed.
     * One pass over the batch's rows ({@code usage_batch_name}, one per day and identity) for every count, then one row
     * per (day, app, platform); a day without rows counts zero everywhere.
     */
    private static void dailyCounts(Connection c, java.sql.Array dates) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from usage_daily where report_date = any (?)")) {
            del.setArray(1, dates);
            del.executeUpdate();
        }
        List<String> counts = new java.util.ArrayList<>();
        List<String> unpivot = new java.util.ArrayList<>();
        for (UsageApp app : UsageApp.values()) {
            for (Platform platform : allPlatformsAndAny()) {
                unpivot.add("('" + app.name() + "', '" + UsageCounting.platformName(platform) + "', c.c"
                        + counts.size() + ")");
                counts.add("count(*) filter (where n.flags & " + UsageFlags.mask(app, platform) + " <> 0) as c"
                        + counts.size());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into usage_daily (report_date, app, platform, "
                + "active_users) select c.report_date, v.app, v.platform, v.n from (select d.report_date, "
                + String.join(", ", counts) + " from unnest(?::date[]) d(report_date) left join usage_batch_name n "
                + "on n.report_date = d.report_date group by d.report_date) c cross join lateral (values "
                + String.join(", ", unpivot) + ") v(app, platform, n)")) {
            ps.setArray(1, dates);
            ps.executeUpdate();
        }
    }

    /** Recomputes a whole week's or month's distinct counts from the ledger (all its stored days). */
    private static void periodCounts(Connection c, Granularity g, LocalDate start) throws SQLException {
        List<UsageCounting.Combo> combos = UsageCounting.allCombos();
        try (PreparedStatement del = c.prepareStatement(
                "delete from usage_period where granularity = ? and period_start = ?")) {
            del.setString(1, g.name());
            del.setDate(2, Date.valueOf(start));
            del.executeUpdate();
        }
        String counts = UsageCounting.sql(List.of(new UsageCounting.Span(start, start, g.periodEnd(start))), combos);
        StringBuilder unpivot = new StringBuilder();
        for (int i = 0; i < combos.size(); i++) {
            unpivot.append(i == 0 ? "" : ", ").append("('").append(combos.get(i).app().name()).append("', '")
                    .append(combos.get(i).platformName()).append("', c.c").append(i).append(")");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into usage_period (granularity, period_start, app, "
                + "platform, active_users) select ?, c.period_start, v.app, v.platform, v.n from (" + counts + ") c "
                + "cross join lateral (values " + unpivot + ") v(app, platform, n)")) {
            ps.setString(1, g.name());
            ps.executeUpdate();
        }
    }

    static List<Platform> allPlatformsAndAny() {
        List<Platform> list = new java.util.ArrayList<>();
        list.add(null);
        list.addAll(List.of(Platform.values()));
        return list;
    }

    /** Links report names to directory users by UPN; a link once made is kept (history survives a UPN change). */
    public int linkIdentities(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update usage_identity i set user_id = d.id from directory_user d
                where i.user_id is null and not i.concealed and d.sort_upn = i.report_name""")) {
            return ps.executeUpdate();
        }
    }

    /** Drops days older than the retention; returns how many days went. */
    public int applyRetention(Connection c, LocalDate keepFrom) throws SQLException {
        return Jdbc.inTransaction(c, () -> {
            int days;
            try (PreparedStatement ps = c.prepareStatement("delete from usage_report_day where report_date < ?")) {
                ps.setDate(1, Date.valueOf(keepFrom));
                days = ps.executeUpdate();
            }
            if (days > 0) {
                try (PreparedStatement ps = c.prepareStatement("delete from usage_daily where report_date < ?")) {
                    ps.setDate(1, Date.valueOf(keepFrom));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("delete from usage_month where month < ?")) {
                    ps.setDate(1, Date.valueOf(keepFrom.withDayOfMonth(1)));
                    ps.executeUpdate();
                }
                // the partly kept month: clear the bits of its days before keepFrom
                int keepBits = ~((1 << (keepFrom.getDayOfMonth() - 1)) - 1);
                Jdbc.execute(c, "update usage_month set present = present & " + keepBits + ", " + UsageFlags.ALL.stream()
                        .map(f -> f.column() + " = " + f.column() + " & " + keepBits).collect(Collectors.joining(", "))
                        + " where month = '" + keepFrom.withDayOfMonth(1) + "'");
                // whole periods before keepFrom go; the periods keepFrom falls in are counted again
                try (PreparedStatement ps = c.prepareStatement("delete from usage_period where period_start < ?")) {
                    ps.setDate(1, Date.valueOf(keepFrom));
                    ps.executeUpdate();
                }
                periodCounts(c, Granularity.WEEK, Granularity.WEEK.periodStart(keepFrom));
                periodCounts(c, Granularity.MONTH, Granularity.MONTH.periodStart(keepFrom));
                newDataVersion(c);
            }
            return days;
        });
    }

    /** The ledger changes in this transaction: counts cached at the previous version are not found any more. */
    private void newDataVersion(Connection c) throws SQLException {
        remember(c, UsageQueries.DATA_VERSION, java.util.UUID.randomUUID().toString());
    }

    public void remember(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into usage_state (key, value, updated_at) values (?, ?, "
                + "now()) on conflict (key) do update set value = excluded.value, updated_at = now()")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}
