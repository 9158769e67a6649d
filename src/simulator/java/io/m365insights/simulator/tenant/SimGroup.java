package io.m365insights.simulator.tenant;

import java.util.List;
import java.util.UUID;

/**
 * A group used for group-based licensing: members inherit {@code skuId} (CONTRACT.md §10.5). Its kind is Graph's:
 * {@code groupTypes} ({@code Unified} = Microsoft 365 group, {@code DynamicMembership} = members by
 * {@code membershipRule}), {@code mailEnabled}+{@code securityEnabled} (mail-enabled security group, changed only
 * through Exchange), {@code onPremisesSyncEnabled} (managed in on-premises AD). Membership is nested-free and is the
 * set of users holding an assignment inherited from the group (Active or Error): group-based licensing gives every
 * member an entry in {@code licenseAssignmentStates}.
 */
public record SimGroup(UUID id, String displayName, UUID skuId, List<String> groupTypes, boolean mailEnabled,
                       boolean securityEnabled, boolean onPremisesSyncEnabled, String membershipRule) {

    public SimGroup {
        groupTypes = List.copyOf(groupTypes);
    }

    /** A cloud security group with assigned (static) membership. */
    public SimGroup(UUID id, String displayName, UUID skuId) {
        this(id, displayName, skuId, List.of(), false, true, false, null);
    }

    public boolean dynamic() {
        return groupTypes.contains("DynamicMembership");
    }

    public boolean unified() {
        return groupTypes.contains("Unified");
    }
}
