package io.m365insights.testsupport;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL for tests: reset a capability's tables, or read the stored state whole to compare it. */
@ApplicationScoped
public class TestDatabase {
    @Inject
    AgroalDataSource dataSource;

    /** Forgets all usage data (as if usage had never been synced). */
    public void clearUsage() {
        execute("truncate usage_month, usage_daily, usage_report_day, report_request, usage_state, usage_identity");
    }

    /** Forgets every activity signal beyond the Apps report (service activity, Copilot snapshots, sign-ins). */
    public void clearActivity() {
        execute("truncate service_activity, service_activity_day, copilot_snapshot, copilot_snapshot_row, "
                + "sign_in_activity, activity_source, report_request");
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query as text, in the query's order: for comparing whole states. */
    public List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public long count(String sql) {
        return Long.parseLong(rows(sql).get(0));
    }
}
