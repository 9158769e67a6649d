package io.m365insights.activity;

import io.m365insights.db.Jdbc;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.sync.CopyIn;
import io.m365insights.sync.SyncPartName;
import io.m365insights.usage.ReportFiles;
import io.m365insights.usage.ReportFormatException;
import io.m365insights.usage.ReportRows;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The COPILOT_USAGE part: Microsoft serves Copilot usage per period only ({@code period='D7'}, no date variant in
 * v1.0), so each day's sync takes one snapshot (a second sync the same day replaces that day's) and keeps what every
 * snapshot said: per Copilot seat holder the last activity overall and per Copilot app. Skipped when no SKU of the
 * tenant carries a Copilot service plan. Its requests have their own pacing budget.
 */
@ApplicationScoped
public class CopilotUsageSync extends ActivityPart {
    static final String REPORT = "getMicrosoft365CopilotUsageUserDetail";
    /** Snapshot columns and the report's headers for them (v2 spellings unverified: CONTRACT.md §10.1). */
    static final String[] COLUMNS = {"chat", "teams", "word", "excel", "powerpoint", "outlook", "onenote", "loop"};
    private static final String[][] HEADERS = {
            {"Copilot Chat Last Activity Date", "Copilot Chat (work) Last Activity Date"},
            {"Microsoft Teams Copilot Last Activity Date"}, {"Word Copilot Last Activity Date"},
            {"Excel Copilot Last Activity Date"}, {"PowerPoint Copilot Last Activity Date"},
            {"Outlook Copilot Last Activity Date"}, {"OneNote Copilot Last Activity Date"},
            {"Loop Copilot Last Activity Date"}};

    CopilotUsageSync() {
        super(SyncPartName.COPILOT_USAGE);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        Connection c = context.connection();
        if (!tenantHasCopilot(c)) {
            return notRead(c, "no SKU of the tenant carries a Microsoft 365 Copilot service plan: nothing to fetch");
        }
        LocalDate today = LocalDate.now(clock);
        Path file;
        try {
            file = msGraph.copilotUsageUserDetail(() -> pacer.beforeRequest(c, REPORT), ReportFiles::download);
        } catch (MsGraphException e) {
            String why = switch (e.kind()) {
                case FORBIDDEN -> "Copilot usage: forbidden — grant the application permission Reports.Read.All to "
                        + "the app registration (and admin consent). ";
                case BAD_REQUEST, NOT_FOUND -> "Copilot usage: Microsoft Graph does not serve the Copilot usage "
                        + "report (v1.0 /copilot/reports) to this tenant (e.g. a national cloud): Copilot activity is "
                        + "unknown. ";
                default -> null;
            };
            if (why != null) {
                throw unavailable(c, why + e.getMessage());
            }
            throw e;
        }
        int[] result;
        try {
            result = ReportFiles.readAndDelete(file, in -> store(c, today, in, context.runId()));
        } catch (ReportFormatException e) {
            throw new IllegalStateException("the Copilot usage report could not be read, no snapshot was stored ("
                    + e.getMessage() + ")");
        }
        boolean concealed = result[1] > 0;
        read(c, concealed);
        return new Outcome(result[0], result[0], 0, 0, String.format("snapshot of %s: %d Copilot seat holders, %d "
                + "linked to users%s", today, result[0], result[2], concealed ? "; names are concealed" : ""));
    }

    private static boolean tenantHasCopilot(Connection c) throws SQLException {
        return Jdbc.queryOne(c, """
                select exists (select 1 from sku s join sku_service_plan p on p.sku_id = s.sku_id
                               where s.removed_at is null and p.service_plan_name like 'M365\\_COPILOT%')""",
                rs -> rs.getBoolean(1));
    }

    /** The day's snapshot replaced in one transaction: {rows, concealed rows, linked rows}. */
    private int[] store(Connection c, LocalDate today, InputStream csv, long runId) {
        try {
            return Jdbc.inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("delete from copilot_snapshot where taken_on = ?")) {
                    ps.setDate(1, Date.valueOf(today));
                    ps.executeUpdate();
                }
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into copilot_snapshot (taken_on, row_count, "
                        + "concealed_rows, run_id) values (?, 0, 0, ?) returning id")) {
                    ps.setDate(1, Date.valueOf(today));
                    ps.setLong(2, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                int[] concealed = {0};
                LocalDate[] refresh = {null};
                java.util.Set<String> seen = new java.util.HashSet<>();
                int rows;
                try (CopyIn copy = CopyIn.streaming(c, "copilot_snapshot_row", "snapshot_id", "report_name", "concealed",
                        "last_activity_date", COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5],
                        COLUMNS[6], COLUMNS[7])) {
                    rows = ReportRows.parse(csv, List.of("User Principal Name", "Last Activity Date"), row -> {
                        ReportRows.Name name = ReportRows.Name.of(row.text("User Principal Name"));
                        if (name.concealed()) {
                            concealed[0]++;
                        }
                        LocalDate r = row.date("Report Refresh Date");
                        if (r != null && (refresh[0] == null || r.isAfter(refresh[0]))) {
                            refresh[0] = r;
                        }
                        if (name.value().isEmpty() || name.unknown() || !seen.add(name.value())) {
                            return;
                        }
                        Object[] values = new Object[4 + COLUMNS.length];
                        values[0] = id;
                        values[1] = name.value();
                        values[2] = name.concealed();
                        values[3] = row.date("Last Activity Date");
                        for (int i = 0; i < COLUMNS.length; i++) {
                            values[4 + i] = row.date(HEADERS[i]);
                        }
                        copy.row(values);
                    });
                }
                int linked;
                try (PreparedStatement ps = c.prepareStatement("update copilot_snapshot_row r set user_id = d.id "
                        + "from directory_user d where r.snapshot_id = ? and not r.concealed "
                        + "and d.sort_upn = r.report_name")) {
                    ps.setLong(1, id);
                    linked = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update copilot_snapshot set row_count = ?, "
                        + "concealed_rows = ?, refresh_date = ? where id = ?")) {
                    ps.setInt(1, rows);
                    ps.setInt(2, concealed[0]);
                    ps.setDate(3, refresh[0] == null ? null : Date.valueOf(refresh[0]));
                    ps.setLong(4, id);
                    ps.executeUpdate();
                }
                return new int[]{rows, concealed[0], linked};
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the Copilot usage snapshot: " + e.getMessage(), e);
        }
    }
}
