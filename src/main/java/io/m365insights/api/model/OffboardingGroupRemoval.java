package io.m365insights.api.model;

import io.m365insights.automation.OffboardingItemStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("OffboardingGroupRemoval")
@Description("A group membership the offboarding policy removed (groupMode remove-membership) and whether a later sync "
        + "confirmed that the inherited licenses went.")
public record OffboardingGroupRemoval(
        @NonNull @Id String userId,
        @NonNull @Id String groupId,
        @NonNull @Description("PENDING_CONFIRMATION, CONFIRMED or NOT_CONVERGED.") OffboardingItemStatus status,
        @NonNull OffsetDateTime requestedAt,
        @NonNull @Id @Description("The sync run after which the membership was removed.") String requestedSyncRunId,
        @Description("Syncs since that have checked the user's licenses.") int syncsChecked,
        @Description("When it was confirmed or reported as not converged.") OffsetDateTime settledAt,
        @NonNull @Id @Description("The REMOVE_GROUP_MEMBER audit event.") String auditEventId) {
}
