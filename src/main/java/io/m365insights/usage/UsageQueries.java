package io.m365insights.usage;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Usage series and per-user usage from the ledger. Distinct users per period: a person active on several days of a
 * week counts once for that week; only days within [from, to] count; periods without any stored day give no point.
 */
@ApplicationScoped
public class UsageQueries {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    PartialPeriodCache cache;

    public record Point(LocalDate periodStart, UsageApp app, Platform platform, int activeUsers) {
    }

    /** Stored report days within [from, to], ascending. */
    public List<LocalDate> reportDays(LocalDate from, LocalDate to) {
        return storedDays(from, to).days();
    }

    /** Stored report days within [from, to], ascending, and the data's version (PartialPeriodCache), in one statement. */
    private record StoredDays(List<LocalDate> days, String version) {
    }

    private StoredDays storedDays(LocalDate from, LocalDate to) {
        List<Object[]> rows = rows("select report_date, (select value from usage_state where key = ?) "
                + "from usage_report_day where report_date between ? and ? order by 1", DATA_VERSION, from, to);
        return new StoredDays(rows.stream().map(r -> date(r[0])).toList(),
                rows.isEmpty() || rows.get(0)[1] == null ? "" : rows.get(0)[1].toString());
    }

    public List<Point> series(LocalDate from, LocalDate to, Granularity g, List<UsageApp> apps, List<Platform> platforms) {
        StoredDays stored = storedDays(from, to);
        List<LocalDate> days = stored.days();
        if (days.isEmpty()) {
            return List.of();
        }
        String version = stored.version();
        List<Platform> plats = platforms == null ? java.util.Collections.singletonList(null) : platforms;
        List<LocalDate> starts = periodStarts(days, g);
        Map<LocalDate, int[]> counts = g == Granularity.DAY
                ? daily(from, to, apps, plats) : periods(from, to, g, starts, apps, plats, version);
        List<UsageCounting.Combo> combos = combos(apps, plats);
        List<Point> points = new ArrayList<>(starts.size() * combos.size());
        for (LocalDate start : starts) {
            int[] c = counts.getOrDefault(start, UsageCounting.NO_COUNTS);
            for (UsageCounting.Combo combo : combos) {
                points.add(new Point(start, combo.app(), combo.platform(), c[combo.index()]));
            }
        }
        return points;
    }

    /** The starts of the periods of these days (ascending), ascending and distinct. */
    private static List<LocalDate> periodStarts(List<LocalDate> days, Granularity g) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d : days) {
            LocalDate start = g.periodStart(d);
            if (starts.isEmpty() || !starts.get(starts.size() - 1).equals(start)) {
                starts.add(start);
            }
        }
        return starts;
    }

    /** Each app with each platform, in the series' order (apps first). */
    private static List<UsageCounting.Combo> combos(List<UsageApp> apps, List<Platform> platforms) {
        List<UsageCounting.Combo> combos = new ArrayList<>(apps.size() * platforms.size());
        apps.forEach(a -> platforms.forEach(p -> combos.add(new UsageCounting.Combo(a, p))));
        return combos;
    }

    /** Counts per day, each indexed by {@link UsageCounting.Combo#index()} (0 where no row names the combo). */
    private Map<LocalDate, int[]> daily(LocalDate from, LocalDate to, List<UsageApp> apps, List<Platform> platforms) {
        Map<LocalDate, int[]> out = new HashMap<>();
        for (Object[] r : rows("select report_date, app, platform, active_users from usage_daily "
                + "where report_date between ? and ? and app = any (?) and platform = any (?)", from, to,
                apps.stream().map(Enum::name).toArray(String[]::new),
                platforms.stream().map(UsageCounting::platformName).toArray(String[]::new))) {
            out.computeIfAbsent(date(r[0]), k -> new int[UsageCounting.COMBOS])[UsageCounting.Combo.index((String) r[1],
                    (String) r[2])] = ((Number) r[3]).intValue();
        }
        return out;
    }

    /**
     * WEEK and MONTH. A period the range covers whole is read from the pre-aggregates (usage_period, filled when its
     * days were stored); a period cut by {@code from} or {@code to} is counted from the ledger over its days within
     * the range. At most two statements, whatever the range. Counts per period start, indexed by
     * {@link UsageCounting.Combo#index()}.
     */
    private Map<LocalDate, int[]> periods(LocalDate from, LocalDate to, Granularity g, List<LocalDate> starts,
                                          List<UsageApp> apps, List<Platform> platforms, String version) {
        List<LocalDate> whole = new ArrayList<>();
        List<UsageCounting.Span> partial = new ArrayList<>();
        for (LocalDate start : starts) {
            LocalDate end = g.periodEnd(start);
            if (!start.isBefore(from) && !end.isAfter(to)) {
                whole.add(start);
            } else {
                partial.add(new UsageCounting.Span(start, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
            }
        }
        Map<LocalDate, int[]> out = new HashMap<>();
        if (!whole.isEmpty()) {
            for (Object[] r : rows("select period_start, app, platform, active_users from usage_period "
                    + "where granularity = ? and period_start = any (?) and app = any (?) and platform = any (?)",
                    g.name(), whole.toArray(LocalDate[]::new), apps.stream().map(Enum::name).toArray(String[]::new),
                    platforms.stream().map(UsageCounting::platformName).toArray(String[]::new))) {
                out.computeIfAbsent(date(r[0]), k -> new int[UsageCounting.COMBOS])[UsageCounting.Combo.index(
                        (String) r[1], (String) r[2])] = ((Number) r[3]).intValue();
            }
        }
        if (!partial.isEmpty()) {
            List<UsageCounting.Combo> combos = combos(apps, platforms);
            long asked = UsageCounting.Combo.mask(combos);
            List<UsageCounting.Span> toCount = new ArrayList<>();
            for (UsageCounting.Span span : partial) {
                cache.get(cacheKey(version, span, asked)).ifPresentOrElse(c -> out.put(span.periodStart(), c),
                        () -> toCount.add(span));
            }
            if (!toCount.isEmpty()) {
                for (Object[] r : rows(UsageCounting.sql(toCount, combos))) {
                    int[] c = new int[UsageCounting.COMBOS];
                    for (int i = 0; i < combos.size(); i++) {
                        c[combos.get(i).index()] = ((Number) r[i + 1]).intValue();
                    }
                    out.put(date(r[0]), c);
                }
                // a span with no active identity gives no row: cached as no counts
                toCount.forEach(span -> cache.put(cacheKey(version, span, asked),
                        out.getOrDefault(span.periodStart(), UsageCounting.NO_COUNTS)));
            }
        }
        return out;
    }

    /** usage_state key of the usage data's version, changed in every transaction that changes the ledger. */
    static final String DATA_VERSION = "dataVersion";

    private static PartialPeriodCache.Key cacheKey(String version, UsageCounting.Span span, long combos) {
        return new PartialPeriodCache.Key(version, span.periodStart(), span.from(), span.to(), combos);
    }

    /** What the ledger holds, for syncStatus. */
    public record Coverage(LocalDate firstDay, LocalDate lastDay, int daysStored, List<LocalDate> missingInWindow,
                           LocalDate refreshDate, boolean latestDayConcealed, Boolean concealedSetting) {
    }

    public Coverage coverage(UsageSync.Window window) {
        Object[] summary = rows("select min(report_date), max(report_date), count(*), max(refresh_date) "
                + "from usage_report_day").get(0);
        LocalDate last = date(summary[1]);
        java.util.Set<LocalDate> inWindow = new java.util.HashSet<>(reportDays(window.first(), window.last()));
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = window.first(); !d.isAfter(window.last()); d = d.plusDays(1)) {
            if (!inWindow.contains(d)) {
                missing.add(d);
            }
        }
        List<Object[]> setting = rows("select value from usage_state where key = ?", UsageSync.CONCEALED_SETTING);
        Boolean concealedSetting = setting.isEmpty() || setting.get(0)[0] == null ? null
                : Boolean.valueOf(setting.get(0)[0].toString());
        return new Coverage(date(summary[0]), last, ((Number) summary[2]).intValue(), missing, date(summary[3]),
                last != null && concealedDays(last, last).contains(last), concealedSetting);
    }

    public Optional<LocalDate> latestDay() {
        return Optional.ofNullable(date(rows("select max(report_date) from usage_report_day").get(0)[0]));
    }

    /** Days within [from, to] whose names are concealed (most rows hold tokens): per-user usage is unavailable. */
    public java.util.Set<LocalDate> concealedDays(LocalDate from, LocalDate to) {
        return rows("select report_date from usage_report_day where report_date between ? and ? "
                + "and concealed_rows > 0 and concealed_rows * 2 >= row_count", from, to)
                .stream().map(r -> date(r[0])).collect(Collectors.toSet());
    }

    /**
     * The latest stored report day, and whether any of the {@code days} days ending on it had concealed names (most
     * rows hold tokens): what per-user questions need to know first, in one statement.
     */
    public record LatestDays(LocalDate latest, boolean concealed) {
    }

    public Optional<LatestDays> latestDays(int days) {
        Object[] r = rows("select l.d, exists (select 1 from usage_report_day r where r.report_date "
                + "between l.d - cast(? as integer) and l.d and r.concealed_rows > 0 and r.concealed_rows * 2 >= r.row_count) "
                + "from (select max(report_date) as d from usage_report_day) l", days - 1).get(0);
        return r[0] == null ? Optional.empty() : Optional.of(new LatestDays(date(r[0]), (Boolean) r[1]));
    }

    /** Per user: last activity (any app), last activation, and the month rows of the ledger, for a page of users. */
    public record UserLedger(LocalDate lastActivityDate, LocalDate lastActivationDate, boolean inReports,
                             Map<LocalDate, long[]> months) {
    }

    public Map<UUID, UserLedger> ledgers(Collection<UUID> userIds, boolean withMonths) {
        Map<UUID, UserLedger> out = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        for (Object[] r : rows("select user_id, max(last_activity_date), max(last_activation_date) from usage_identity "
                + "where user_id = any (?) group by user_id", (Object) userIds.toArray(UUID[]::new))) {
            out.put((UUID) r[0], new UserLedger(date(r[1]), date(r[2]), true, new HashMap<>()));
        }
        return withMonths ? withMonths(out) : out;
    }

    /** The latest stored day ({@code latestDays(1)}) and, unless none is stored or it is concealed, the ledgers. */
    public record LatestWithLedgers(Optional<LatestDays> latest, Map<UUID, UserLedger> ledgers) {
    }

    /**
     * {@link #latestDays(int) latestDays(1)} and {@link #ledgers} in one statement: a page of users asks both, and
     * the ledgers are only read when the latest day exists and is not concealed (per-user usage is unknown then).
     */
    public LatestWithLedgers latestWithLedgers(Collection<UUID> userIds, boolean withMonths) {
        Map<UUID, UserLedger> out = new LinkedHashMap<>();
        List<Object[]> rows = rows("with l as (select d, exists (select 1 from usage_report_day r where r.report_date = d "
                + "and r.concealed_rows > 0 and r.concealed_rows * 2 >= r.row_count) as concealed "
                + "from (select max(report_date) as d from usage_report_day) m) "
                + "select l.d, l.concealed, i.user_id, i.activity, i.activation from l left join ("
                + "select user_id, max(last_activity_date) as activity, max(last_activation_date) as activation "
                + "from usage_identity where user_id = any (?) group by user_id) i on l.d is not null and not l.concealed",
                (Object) userIds.toArray(UUID[]::new));
        Object[] first = rows.get(0); // the latest-day CTE has exactly one row; the left join keeps it
        Optional<LatestDays> latest = first[0] == null ? Optional.empty()
                : Optional.of(new LatestDays(date(first[0]), (Boolean) first[1]));
        for (Object[] r : rows) {
            if (r[2] != null) {
                out.put((UUID) r[2], new UserLedger(date(r[3]), date(r[4]), true, new HashMap<>()));
            }
        }
        return new LatestWithLedgers(latest, withMonths ? withMonths(out) : out);
    }

    /** Adds the ledger's month rows to {@code out} (one statement). */
    private Map<UUID, UserLedger> withMonths(Map<UUID, UserLedger> out) {
        if (!out.isEmpty()) {
            String cols = UsageFlags.ALL.stream().map(f -> "m." + f.column()).collect(Collectors.joining(", "));
            for (Object[] r : rows("select i.user_id, m.month, m.present, " + cols + " from usage_month m "
                    + "join usage_identity i on i.id = m.identity_id where i.user_id = any (?)",
                    (Object) out.keySet().toArray(UUID[]::new))) {
                long[] bits = new long[UsageFlags.ALL.size() + 1]; // [0] present, then each flag's day bits
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = ((Number) r[2 + i]).longValue();
                }
                out.get((UUID) r[0]).months().merge(date(r[1]), bits, (x, y) -> {
                    for (int i = 0; i < x.length; i++) {
                        x[i] |= y[i];
                    }
                    return x;
                });
            }
        }
        return out;
    }

    /**
     * Per user, on how many days of [from, to] the ledger shows any of the six apps used at all, on a desktop (Windows
     * or Mac), and only on mobile or the web; and on how many of those days the user had a row in the report.
     */
    public record PlatformDays(int activeDays, int desktopDays, int mobileOrWebDays, int presentDays) {
    }

    /** {@link PlatformDays} of these users, in one statement; users without a named ledger are absent. */
    public Map<UUID, PlatformDays> platformDays(Collection<UUID> userIds, LocalDate from, LocalDate to) {
        Map<UUID, int[]> days = new HashMap<>();
        if (userIds.isEmpty() || to.isBefore(from)) {
            return Map.of();
        }
        String apps = UsageFlags.ALL.subList(0, UsageFlags.APPS).stream().map(f -> "m." + f.column())
                .collect(Collectors.joining(" | "));
        for (Object[] r : rows("select i.user_id, m.month, m.present, " + apps + ", m.windows | m.mac, "
                + "m.mobile | m.web from usage_month m join usage_identity i on i.id = m.identity_id "
                + "where i.user_id = any (?) and m.month between ? and ?", (Object) userIds.toArray(UUID[]::new),
                from.withDayOfMonth(1), to)) {
            LocalDate month = date(r[1]);
            long inWindow = 0;
            for (LocalDate d = month; d.getMonth() == month.getMonth(); d = d.plusDays(1)) {
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    inWindow |= 1L << (d.getDayOfMonth() - 1);
                }
            }
            long present = ((Number) r[2]).longValue() & inWindow;
            long active = ((Number) r[3]).longValue() & inWindow;
            long desktop = ((Number) r[4]).longValue() & active;
            long mobileOrWeb = ((Number) r[5]).longValue() & active & ~desktop;
            int[] c = days.computeIfAbsent((UUID) r[0], k -> new int[4]);
            c[0] += Long.bitCount(active);
            c[1] += Long.bitCount(desktop);
            c[2] += Long.bitCount(mobileOrWeb);
            c[3] += Long.bitCount(present);
        }
        Map<UUID, PlatformDays> out = new HashMap<>();
        days.forEach((id, c) -> out.put(id, new PlatformDays(c[0], c[1], c[2], c[3])));
        return out;
    }

    /**
     * The rows of a query, each as its column values; a {@code date} column as a LocalDate (read as such: the driver's
     * java.sql.Date goes through a Calendar per value: a tenth of a cached usage series' worker time, bench/RESULTS.md).
     */
    private List<Object[]> rows(String sql, Object... params) {
        return Jdbc.withConnection(dataSource, "read the usage data", c -> Jdbc.query(c, sql, new Jdbc.Row<>() {
            private boolean[] dates; // per column, from the result's metadata (the first row)

            @Override
            public Object[] read(ResultSet rs) throws SQLException {
                if (dates == null) {
                    ResultSetMetaData meta = rs.getMetaData();
                    dates = new boolean[meta.getColumnCount()];
                    for (int i = 0; i < dates.length; i++) {
                        dates[i] = meta.getColumnType(i + 1) == Types.DATE;
                    }
                }
                Object[] row = new Object[dates.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = dates[i] ? rs.getObject(i + 1, LocalDate.class) : rs.getObject(i + 1);
                }
                return row;
            }
        }, params));
    }

    /** A {@code date} column's value ({@link #rows} reads them as LocalDate), or null. */
    private static LocalDate date(Object o) {
        return (LocalDate) o;
    }
}
