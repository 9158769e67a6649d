package io.m365insights.activity;

import io.m365insights.db.Jdbc;
import io.m365insights.config.M365Config;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.sync.CopyIn;
import io.m365insights.sync.SyncPartName;
import io.m365insights.usage.ReportFiles;
import io.m365insights.usage.ReportFormatException;
import io.m365insights.usage.ReportRows;
import io.m365insights.usage.UsageSync;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SERVICE_ACTIVITY part: the Microsoft 365 active user detail report ({@code getOffice365ActiveUserDetail(date=D)})
 * for every day of the usage window not held yet plus the most recent few (gap backfill), oldest first, paced with its
 * own budget (Microsoft counts each report function apart). Per user and service it keeps the latest activity any day
 * reported (dates only move forward) and the license facts of the latest day. A day is stored whole or not at all: a
 * malformed day fails alone; a missing permission fails the part with the permission to grant.
 */
@ApplicationScoped
public class ServiceActivitySync extends ActivityPart {
    static final String REPORT = "getOffice365ActiveUserDetail";
    private static final String[] SERVICES = {"EXCHANGE", "ONEDRIVE", "SHAREPOINT", "TEAMS", "YAMMER", "SKYPE"};
    /** Column prefixes per service, newest spelling first (the Yammer rename is unverified: CONTRACT.md §10.2). */
    private static final String[][] PREFIXES = {{"Exchange"}, {"OneDrive"}, {"SharePoint"}, {"Teams"},
            {"Viva Engage", "Yammer"}, {"Skype For Business"}};
    private static final List<String> REQUIRED = List.of("User Principal Name", "Exchange Last Activity Date",
            "OneDrive Last Activity Date", "SharePoint Last Activity Date", "Teams Last Activity Date");

    ServiceActivitySync() {
        super(SyncPartName.SERVICE_ACTIVITY);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        Connection c = context.connection();
        if (!config.serviceActivity().enabled()) {
            return notRead(c, "service activity is switched off (M365_SERVICE_ACTIVITY_ENABLED=false)");
        }
        M365Config.Usage window = config.usage();
        UsageSync.Window w = UsageSync.window(LocalDate.now(clock), window);
        Set<LocalDate> stored = storedDays(c, w);
        LocalDate refreshFrom = w.last().minusDays(window.refreshDays() - 1L);
        int rows = 0;
        int added = 0;
        int replaced = 0;
        List<LocalDate> tooOld = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LocalDate day = w.first(); !day.isAfter(w.last()); day = day.plusDays(1)) {
            if (stored.contains(day) && day.isBefore(refreshFrom)) {
                continue;
            }
            LocalDate d = day;
            try {
                java.nio.file.Path file = msGraph.office365ActiveUserDetail(day, () -> pacer.beforeRequest(c, REPORT),
                        ReportFiles::download);
                rows += ReportFiles.readAndDelete(file, in -> store(c, d, in, context.runId()));
                if (stored.contains(day)) {
                    replaced++;
                } else {
                    added++;
                }
            } catch (MsGraphException e) {
                switch (e.kind()) {
                    case INVALID_ARGUMENT -> tooOld.add(day);
                    case FORBIDDEN -> throw unavailable(c, "service activity: forbidden — grant the application "
                            + "permission Reports.Read.All to the app registration (and admin consent). " + e.getMessage());
                    case BAD_REQUEST, NOT_FOUND -> throw unavailable(c, "service activity: Microsoft Graph does not "
                            + "serve the Microsoft 365 active user detail report to this tenant (e.g. a national "
                            + "cloud): Exchange, OneDrive, SharePoint and Teams activity are unknown. " + e.getMessage());
                    case CREDENTIALS_REJECTED -> throw e;
                    default -> failed.add(day + ": " + e.getMessage());
                }
            } catch (ReportFormatException e) {
                failed.add(day + ": the report could not be read, nothing of that day was stored (" + e.getMessage() + ")");
            }
        }
        int linked = link(c);
        boolean concealed = latestConcealed(c);
        String detail = String.format("%d days fetched (%d new, %d refreshed), %d rows; %d days too old for Microsoft; "
                + "%d names linked to users%s", added + replaced, added, replaced, rows, tooOld.size(), linked,
                concealed ? "; names are concealed" : "");
        read(c, concealed);
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " report day(s) failed: " + String.join("; ", failed)
                    + " — other days: " + detail);
        }
        return new Outcome(rows, added, replaced, 0, detail);
    }

    private static Set<LocalDate> storedDays(Connection c, UsageSync.Window w) throws SQLException {
        return new HashSet<>(Jdbc.query(c, "select report_date from service_activity_day where report_date between ? "
                + "and ?", rs -> rs.getObject(1, LocalDate.class), w.first(), w.last()));
    }

    /** Reads the file whole into staging, then applies it in one transaction. */
    private int store(Connection c, LocalDate day, InputStream csv, long runId) {
        try {
            Jdbc.execute(c, "truncate staged_service_activity");
            int[] concealed = {0};
            LocalDate[] refresh = {null};
            int rows;
            try (CopyIn copy = CopyIn.streaming(c, "staged_service_activity", "report_name", "concealed", "service",
                    "has_license", "last_activity_date", "license_assign_date", "deleted")) {
                rows = ReportRows.parse(csv, REQUIRED, row -> {
                    ReportRows.Name name = ReportRows.Name.of(row.text("User Principal Name"));
                    if (name.value().isEmpty()) {
                        throw new ReportFormatException("line " + row.line() + " has no User Principal Name");
                    }
                    if (name.concealed()) {
                        concealed[0]++;
                    }
                    LocalDate r = row.date("Report Refresh Date");
                    if (r != null && (refresh[0] == null || r.isAfter(refresh[0]))) {
                        refresh[0] = r;
                    }
                    if (name.unknown()) {
                        return; // nobody to attribute it to
                    }
                    boolean deleted = row.flag(false, "Is Deleted");
                    for (int i = 0; i < SERVICES.length; i++) {
                        String[] p = PREFIXES[i];
                        LocalDate last = row.date(suffix(p, " Last Activity Date"));
                        LocalDate assigned = row.date(suffix(p, " License Assign Date"));
                        boolean licensed = row.flag(assigned != null, prefix(p, "Has ", " License"));
                        if (licensed || last != null || assigned != null) {
                            copy.row(name.value(), name.concealed(), SERVICES[i], licensed, last, assigned, deleted);
                        }
                    }
                });
            }
            apply(c, day, rows, concealed[0], refresh[0], runId);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the active user detail report of " + day + ": "
                    + e.getMessage(), e);
        }
    }

    private static void apply(Connection c, LocalDate day, int rows, int concealed, LocalDate refresh, long runId)
            throws SQLException {
        try {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into service_activity as sa (report_name, service, concealed, has_license, last_activity_date,
                            license_assign_date, deleted, last_report_date)
                        select report_name, service, bool_or(concealed), bool_or(has_license), max(last_activity_date),
                               max(license_assign_date), bool_or(deleted), ? from staged_service_activity
                        group by report_name, service
                        on conflict (report_name, service) do update set
                            last_activity_date = greatest(sa.last_activity_date, excluded.last_activity_date),
                            has_license = case when excluded.last_report_date >= sa.last_report_date
                                then excluded.has_license else sa.has_license end,
                            license_assign_date = case when excluded.last_report_date >= sa.last_report_date
                                then excluded.license_assign_date else sa.license_assign_date end,
                            deleted = case when excluded.last_report_date >= sa.last_report_date
                                then excluded.deleted else sa.deleted end,
                            last_report_date = greatest(sa.last_report_date, excluded.last_report_date)""")) {
                    ps.setDate(1, Date.valueOf(day));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into service_activity_day (report_date, refresh_date, row_count, concealed_rows, run_id)
                        values (?, ?, ?, ?, ?) on conflict (report_date) do update set refresh_date = excluded.refresh_date,
                            row_count = excluded.row_count, concealed_rows = excluded.concealed_rows, fetched_at = now(),
                            run_id = excluded.run_id""")) {
                    ps.setDate(1, Date.valueOf(day));
                    ps.setDate(2, refresh == null ? null : Date.valueOf(refresh));
                    ps.setInt(3, rows);
                    ps.setInt(4, concealed);
                    ps.setLong(5, runId);
                    ps.executeUpdate();
                }
                return null;
            });
        } finally {
            Jdbc.execute(c, "truncate staged_service_activity");
        }
    }

    /** Named rows to the directory user of that UPN (users may be synced after the report first listed them). */
    private static int link(Connection c) throws SQLException {
        return Jdbc.update(c, "update service_activity sa set user_id = d.id from directory_user d "
                + "where not sa.concealed and d.sort_upn = sa.report_name and sa.user_id is distinct from d.id");
    }

    private static boolean latestConcealed(Connection c) throws SQLException {
        return Jdbc.query(c, "select concealed_rows > 0 from service_activity_day order by report_date desc limit 1",
                rs -> rs.getBoolean(1)).stream().findFirst().orElse(false);
    }

    private static String[] suffix(String[] prefixes, String suffix) {
        String[] out = new String[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            out[i] = prefixes[i] + suffix;
        }
        return out;
    }

    private static String[] prefix(String[] names, String before, String after) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = before + names[i] + after;
        }
        return out;
    }
}
