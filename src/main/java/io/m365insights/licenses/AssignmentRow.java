package io.m365insights.licenses;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One of a user's license assignments with its SKU (null when Microsoft Graph never listed that SKU), as read for the
 * API: a read-only projection of {@code license_assignment} joined to {@code sku}, no managed entities.
 */
public record AssignmentRow(UUID userId, UUID skuId, UUID assignedByGroupId, String state, String error,
                            List<UUID> disabledPlanIds, OffsetDateTime lastUpdatedAt, SkuRow sku) {

    /** The same columns in SQL, in the order of {@link #of(ResultSet)}: {@code la} license_assignment, {@code s} sku. */
    static final String SQL_COLUMNS = "la.user_id, la.sku_id, la.assigned_by_group_id, la.state, la.error, "
            + "la.disabled_plan_ids, la.last_updated_at, s.sku_id, s.sku_part_number, s.capability_status, "
            + "s.applies_to, s.enabled_units, s.consumed_units, s.suspended_units, s.warning_units, "
            + "s.locked_out_units, s.removed_at";

    /** The row at a result set's cursor, of {@link #SQL_COLUMNS}. */
    static AssignmentRow of(ResultSet rs) throws SQLException {
        Array disabled = rs.getArray(6);
        UUID skuId = rs.getObject(8, UUID.class);
        SkuRow sku = skuId == null ? null : new SkuRow(skuId, rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16),
                rs.getObject(17, OffsetDateTime.class));
        List<UUID> disabledPlans = disabled == null ? List.of() : Arrays.asList((UUID[]) disabled.getArray());
        return new AssignmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), disabledPlans, rs.getObject(7, OffsetDateTime.class), sku);
    }
}
