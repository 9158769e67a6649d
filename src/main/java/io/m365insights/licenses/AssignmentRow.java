package io.m365insights.licenses;

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

    /** The columns in HQL, in the order of {@link #of(Object[])}; {@code la} is the assignment, {@code s} the SKU. */
    static final String COLUMNS = "la.userId, la.skuId, la.assignedByGroupId, la.state, la.error, la.disabledPlanIds, "
            + "la.lastUpdatedAt, " + SkuRow.COLUMNS;

    /** The row from a tuple of {@link #COLUMNS}: plain casts and constructor calls, nothing to register for native. */
    static AssignmentRow of(Object[] t) {
        UUID[] disabled = (UUID[]) t[5];
        return new AssignmentRow((UUID) t[0], (UUID) t[1], (UUID) t[2], (String) t[3], (String) t[4],
                disabled == null ? List.of() : Arrays.asList(disabled), (OffsetDateTime) t[6], SkuRow.of(t, 7));
    }
}
