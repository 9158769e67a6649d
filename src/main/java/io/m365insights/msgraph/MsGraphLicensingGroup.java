package io.m365insights.msgraph;

import java.util.List;
import java.util.UUID;

/**
 * A group that carries licenses (CONTRACT.md §10.5): its {@code assignedLicenses} SKUs and what decides who may change
 * its membership ({@code groupTypes} Unified / DynamicMembership, mail-enabled security, synced from on-premises).
 */
public record MsGraphLicensingGroup(UUID id, String displayName, List<UUID> skuIds, List<String> groupTypes,
                                    boolean mailEnabled, boolean securityEnabled, boolean onPremisesSynced,
                                    String membershipRule) {
    public MsGraphLicensingGroup {
        skuIds = List.copyOf(skuIds);
        groupTypes = List.copyOf(groupTypes);
    }
}
