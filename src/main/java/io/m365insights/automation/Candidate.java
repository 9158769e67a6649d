package io.m365insights.automation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One license assignment of a disabled user, as the planner sees it. {@code groupId} null = direct; then
 * {@code groupName} is null and {@code groupChangeable} false. {@code groupChangeable}: Microsoft Graph can change the
 * group's membership (not dynamic, not synced from on-premises, not mail-enabled security; false for a group not
 * listed as a licensing group).
 */
public record Candidate(UUID userId, String userPrincipalName, String displayName, OffsetDateTime disabledSince,
                        UUID skuId, String skuPartNumber, UUID groupId, String groupName, boolean groupChangeable) {

    public Candidate(UUID userId, String userPrincipalName, String displayName, OffsetDateTime disabledSince,
                     UUID skuId, String skuPartNumber, UUID groupId) {
        this(userId, userPrincipalName, displayName, disabledSince, skuId, skuPartNumber, groupId, null, false);
    }

    String license() {
        return skuPartNumber == null ? skuId.toString() : skuPartNumber;
    }

    /** How the plan names the group, e.g. {@code "Licensing - All staff" (id)}. */
    String group() {
        return groupName == null ? String.valueOf(groupId) : "\"" + groupName + "\" (" + groupId + ")";
    }
}
