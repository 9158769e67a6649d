package io.m365insights.msgraph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A directory user as Microsoft Graph lists it, limited to what we store. */
public record MsGraphUser(UUID id, String userPrincipalName, String displayName, String mail, boolean accountEnabled,
                          String department, String jobTitle, String usageLocation, OffsetDateTime createdAt,
                          List<LicenseState> licenseStates) {

    /** One of the user's {@code licenseAssignmentStates}: direct when {@code assignedByGroup} is null. */
    public record LicenseState(UUID skuId, UUID assignedByGroup, String state, String error, List<UUID> disabledPlans,
                               OffsetDateTime lastUpdatedAt) {
    }
}
