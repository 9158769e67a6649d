package io.m365insights.api.model;

import io.m365insights.automation.OffboardingAction;
import io.m365insights.automation.OffboardingItemStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("OffboardingPlanItem")
@Description("One license assignment of a disabled account: what the policy does with it, and why.")
public record OffboardingPlanItem(
        @NonNull @Id String userId,
        @NonNull String userPrincipalName,
        String displayName,
        @Description("When a sync first saw the account disabled (Graph does not say when it was disabled).")
        OffsetDateTime disabledSince,
        @NonNull @Id String skuId,
        String skuPartNumber,
        @Id @Description("The group granting it; null for a direct assignment.") String assignedByGroupId,
        @NonNull OffboardingAction action,
        @NonNull @Description("Why the item is there, or exempt.") String reason,
        @NonNull OffboardingItemStatus status,
        @Description("When enforce mode failed: the userError code.") String errorCode,
        String errorMessage,
        OffsetDateTime executedAt,
        @Id @Description("The audit event of the removal (enforce mode).") String auditEventId) {
}
