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
 * Stores one report day in the ledger. The file is read whole into staging first (streamed, COPY in batches), so a
 * file we cannot read stores nothing; then, in one transaction, the day's bit is cleared in every identity's month
 * row and set again from the staged rows: the day's data replaces its previous data atomically, and no other day is
 * touched.
 */
@ApplicationScoped
public class UsageDayStore {
    /** What storing a day did. */
    public record DayResult(int rows, int concealedRows, int unmatchedRows, boolean replaced, LocalDate refreshDate) {
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

    public DayResult replaceDay(Connection c, LocalDate day, InputStream csv, long runId) throws SQLException {
        Staged staged = stage(c, csv);
        try {
            return Jdbc.inTransaction(c, () -> apply(c, day, staged, runId));
        } finally {
            Jdbc.execute(c, "truncate staged_usage_row");
        }
    }

    private record Staged(int rows, int concealedRows, LocalDate refreshDate) {
    }

    private Staged stage(Connection c, InputStream csv) throws SQLException {
        Jdbc.execute(c, "truncate staged_usage_row");
        int[] unknown = {0};
        int[] concealed = {0};
        LocalDate[] refresh = {null};
        int rows;
        try (CopyIn copy = CopyIn.into(c, "staged_usage_row", "report_name", "concealed", "flags",
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
        return new Staged(rows, concealed[0], refresh[0]);
    }

    private DayResult apply(Connection c, LocalDate day, Staged staged, long runId) throws SQLException {
        LocalDate month = day.withDayOfMonth(1);
        int bit = 1 << (day.getDayOfMonth() - 1);
        List<UsageFlags.Flag> flags = UsageFlags.ALL;
        String columns = flags.stream().map(UsageFlags.Flag::column).collect(Collectors.joining(", "));
        boolean replaced;
        try (PreparedStatement ps = c.prepareStatement("select 1 from usage_report_day where report_date = ?")) {
            ps.setDate(1, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                replaced = rs.next();
            }
        }
        // The day's rows, one per report name (a name listed twice is one identity: its flags ORed), grouped once
        // into a temporary table that every statement below reads, instead of grouping the staged rows again in each.
        Jdbc.execute(c, "create temp table usage_day_name on commit drop as select report_name, bool_or(concealed) as "
                + "concealed, bit_or(flags) as flags, max(last_activity_date) as last_activity_date, "
                + "max(last_activation_date) as last_activation_date from staged_usage_row group by report_name");
        Jdbc.execute(c, "insert into usage_identity (report_name, concealed) select report_name, concealed from usage_day_name n "
                + "where not exists (select 1 from usage_identity i where i.report_name = n.report_name) "
                + "on conflict (report_name) do nothing");
        Jdbc.execute(c, "create temp table usage_day on commit drop as select i.id as identity_id, n.* from usage_day_name n "
                + "join usage_identity i on i.report_name = n.report_name");
        Jdbc.execute(c, "analyze usage_day");
        // the day's previous data goes (only this day's bit), then the new data is set
        Jdbc.execute(c, "update usage_month set present = present & ~" + bit + ", "
                + flags.stream().map(f -> f.column() + " = " + f.column() + " & ~" + bit)
                .collect(Collectors.joining(", "))
                + " where month = '" + month + "' and (present & " + bit + ") <> 0");
        Jdbc.execute(c, "insert into usage_month as m (month, identity_id, present, " + columns + ") select '" + month
                + "', s.identity_id, " + bit + ", "
                + flags.stream().map(f -> "case when s.flags & " + (1L << f.bit()) + " <> 0 then " + bit + " else 0 end")
                .collect(Collectors.joining(", "))
                + " from usage_day s"
                + " on conflict (month, identity_id) do update set present = m.present | excluded.present, "
                + flags.stream().map(f -> f.column() + " = m." + f.column() + " | excluded." + f.column())
                .collect(Collectors.joining(", ")));
        // latest activity: the report's own date, or this day when any app was used
        String activity = "greatest(i.last_activity_date, s.last_activity_date, case when s.flags & "
                + UsageFlags.ANY_APP + " <> 0 then ?::date end)";
        String activation = "greatest(i.last_activation_date, s.last_activation_date)";
        try (PreparedStatement ps = c.prepareStatement("update usage_identity i set last_activity_date = " + activity
                + ", last_activation_date = " + activation + " from usage_day s where i.id = s.identity_id"
                // only rows that change: most identities' dates stay as they were on most days
                + " and (i.last_activity_date is distinct from " + activity + " or i.last_activation_date is distinct from "
                + activation + ")")) {
            ps.setDate(1, Date.valueOf(day));
            ps.setDate(2, Date.valueOf(day));
            ps.executeUpdate();
        }
        dailyCounts(c, day);
        newDataVersion(c);
        periodCounts(c, Granularity.WEEK, Granularity.WEEK.periodStart(day));
        periodCounts(c, Granularity.MONTH, Granularity.MONTH.periodStart(day));
        int unmatched;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from usage_day s where not s.concealed "
                + "and not exists (select 1 from directory_user d where d.sort_upn = s.report_name)")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                unmatched = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into usage_report_day (report_date, refresh_date, row_count, concealed_rows, unmatched_rows,
                    fetched_at, run_id) values (?, ?, ?, ?, ?, now(), ?)
                on conflict (report_date) do update set refresh_date = excluded.refresh_date,
                    row_count = excluded.row_count, concealed_rows = excluded.concealed_rows,
                    unmatched_rows = excluded.unmatched_rows, fetched_at = now(), run_id = excluded.run_id""")) {
            ps.setDate(1, Date.valueOf(day));
            ps.setDate(2, staged.refreshDate() == null ? null : Date.valueOf(staged.refreshDate()));
            ps.setInt(3, staged.rows());
            ps.setInt(4, staged.concealedRows());
            ps.setInt(5, unmatched);
            ps.setLong(6, runId);
            ps.executeUpdate();
        }
        return new DayResult(staged.rows(), staged.concealedRows(), unmatched, replaced, staged.refreshDate());
    }

    /**
     * Distinct active identities of the day per app (SUITE too) and platform (ANY too): exact, no union needed. Reads
     * the day's rows grouped by identity ({@code usage_day}, made by {@link #apply}).
     */
    private static void dailyCounts(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from usage_daily where report_date = ?")) {
            del.setDate(1, Date.valueOf(day));
            del.executeUpdate();
        }
        List<String> counts = new java.util.ArrayList<>();
        List<String> unpivot = new java.util.ArrayList<>();
        for (UsageApp app : UsageApp.values()) {
            for (Platform platform : allPlatformsAndAny()) {
                unpivot.add("('" + app.name() + "', '" + UsageCounting.platformName(platform) + "', c.c"
                        + counts.size() + ")");
                counts.add("count(*) filter (where flags & " + UsageFlags.mask(app, platform) + " <> 0) as c"
                        + counts.size());
            }
        }
        // one pass over the day's rows for every count, then one row per (app, platform)
        try (PreparedStatement ps = c.prepareStatement("insert into usage_daily (report_date, app, platform, "
                + "active_users) select ?::date, v.app, v.platform, v.n from (select " + String.join(", ", counts)
                + " from usage_day) c cross join lateral (values " + String.join(", ", unpivot) + ") v(app, platform, n)")) {
            ps.setDate(1, Date.valueOf(day));
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
