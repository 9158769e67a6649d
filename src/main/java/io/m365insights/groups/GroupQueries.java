package io.m365insights.groups;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the stored licensing groups (those Microsoft Graph still lists), batched: one statement per call. */
@ApplicationScoped
public class GroupQueries {
    private static final String COLUMNS = "g.id, g.display_name, g.kind, g.dynamic, g.on_premises_synced, g.membership_rule";
    /**
     * An assignment "in error": Graph gave it an error, or its state is Error (no seat given) or ActiveWithError
     * (CONTRACT.md §4, §10.5). Used by membersInError and the users filter licenseInError.
     */
    public static final String IN_ERROR_SQL = "(la.error is not null or la.state in ('Error', 'ActiveWithError'))";

    /** A licensing group as last synced. */
    public record Group(UUID id, String displayName, String kind, boolean dynamic, boolean onPremisesSynced,
                        String membershipRule) {
        /** False for dynamic, on-premises-synced and mail-enabled security groups (CONTRACT.md §10.5). */
        public boolean membershipChangeable() {
            return !dynamic && !onPremisesSynced && !"MAIL_ENABLED_SECURITY".equals(kind);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Every licensing group, by display name. */
    public List<Group> all() {
        List<Group> out = new ArrayList<>();
        query("select " + COLUMNS + ", null from licensing_group g where g.removed_at is null "
                + "order by lower(g.display_name), g.id", null, (rs, k) -> out.add(group(rs)));
        return out;
    }

    /** Groups by id (those still listed). */
    public Map<UUID, Group> byIds(Collection<UUID> ids) {
        Map<UUID, Group> out = new HashMap<>();
        if (!ids.isEmpty()) {
            query("select " + COLUMNS + ", null from licensing_group g where g.removed_at is null and g.id = any (?)",
                    ids, (rs, k) -> out.put(rs.getObject(1, UUID.class), group(rs)));
        }
        return out;
    }

    /** The groups granting each SKU, by display name. */
    public Map<UUID, List<Group>> bySku(Collection<UUID> skuIds) {
        Map<UUID, List<Group>> out = new HashMap<>();
        if (!skuIds.isEmpty()) {
            query("select " + COLUMNS + ", l.sku_id from licensing_group g join licensing_group_license l "
                    + "on l.group_id = g.id where g.removed_at is null and l.sku_id = any (?) "
                    + "order by lower(g.display_name), g.id", skuIds,
                    (rs, k) -> out.computeIfAbsent(rs.getObject(7, UUID.class), x -> new ArrayList<>()).add(group(rs)));
        }
        return out;
    }

    /** The SKUs each group grants. */
    public Map<UUID, List<UUID>> skus(Collection<UUID> groupIds) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        if (!groupIds.isEmpty()) {
            query("select group_id, sku_id from licensing_group_license where group_id = any (?) order by sku_id",
                    groupIds, (rs, k) -> out.computeIfAbsent(rs.getObject(1, UUID.class), x -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class)));
        }
        return out;
    }

    /** Members of each group, as Microsoft Graph listed them. */
    public Map<UUID, Integer> memberCounts(Collection<UUID> groupIds) {
        return counts("select group_id, count(*) from licensing_group_member where group_id = any (?) group by group_id",
                groupIds);
    }

    /** Users (not deleted) whose assignment inherited from each group is in error ({@link #IN_ERROR_SQL}). */
    public Map<UUID, Integer> membersInError(Collection<UUID> groupIds) {
        return counts("select la.assigned_by_group_id, count(distinct la.user_id) from license_assignment la "
                + "join directory_user u on u.id = la.user_id and u.deleted_at is null "
                + "where la.assigned_by_group_id = any (?) and " + IN_ERROR_SQL + " group by la.assigned_by_group_id",
                groupIds);
    }

    private Map<UUID, Integer> counts(String sql, Collection<UUID> ids) {
        Map<UUID, Integer> out = new HashMap<>();
        if (!ids.isEmpty()) {
            query(sql, ids, (rs, k) -> out.put(rs.getObject(1, UUID.class), rs.getInt(2)));
        }
        return out;
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getBoolean(5), rs.getString(6));
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs, int unused) throws SQLException;
    }

    private void query(String sql, Collection<UUID> ids, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (ids != null) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray(UUID[]::new)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs, 0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the licensing groups: " + e.getMessage(), e);
        }
    }
}
