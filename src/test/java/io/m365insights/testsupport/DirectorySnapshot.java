package io.m365insights.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a sync stores about the directory, read with SQL, one text line per row: SKUs, their service plans, users
 * and license assignments, every column that comes from Microsoft Graph. When a sync ran is left out (first seen,
 * updated, identity ids), and deletion is compared as a flag, since two syncs of the same tenant run at different times.
 */
public final class DirectorySnapshot {
    private static final List<String> QUERIES = List.of("""
            select 'sku', sku_id, subscribed_sku_id, sku_part_number, applies_to, capability_status, enabled_units,
                   suspended_units, warning_units, locked_out_units, consumed_units, removed_at is not null as removed
            from sku""", """
            select 'plan', sku_id, service_plan_id, service_plan_name, provisioning_status, applies_to
            from sku_service_plan""", """
            select 'user', id, user_principal_name, display_name, mail, account_enabled, department, job_title,
                   usage_location, created_at, deleted_at is not null as deleted
            from directory_user""", """
            select 'assignment', user_id, sku_id, assigned_by_group_id, state, error, disabled_plan_ids, last_updated_at
            from license_assignment""");

    private DirectorySnapshot() {
    }

    public static List<String> of(DataSource db) {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = s.executeQuery("select r::text from (" + query + ") r order by 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Only the rows of one kind: {@code sku}, {@code plan}, {@code user} or {@code assignment}. */
    public static List<String> of(DataSource db, String kind) {
        return of(db).stream().filter(r -> r.startsWith("(" + kind + ",")).toList();
    }
}
