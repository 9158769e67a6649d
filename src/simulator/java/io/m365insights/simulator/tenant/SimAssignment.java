package io.m365insights.simulator.tenant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a simulated user's {@code licenseAssignmentStates}: a SKU granted directly ({@code groupId == null})
 * or inherited from a group. A user may hold the same SKU both ways, which gives two entries.
 */
public record SimAssignment(UUID skuId, UUID groupId, List<UUID> disabledPlans, String state, String error,
                            Instant lastUpdated) {

    public SimAssignment {
        disabledPlans = List.copyOf(disabledPlans);
    }

    public boolean direct() {
        return groupId == null;
    }

    /** Graph lists a SKU in {@code assignedLicenses} only when at least one of its assignments took effect. */
    public boolean effective() {
        return !"Error".equals(state);
    }
}
