package io.m365insights.automation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored plan item, with what enforce mode did about it. */
public record PlanItemRow(int position, UUID userId, String userPrincipalName, String displayName,
                          OffsetDateTime disabledSince, UUID skuId, String skuPartNumber, UUID assignedByGroupId,
                          OffboardingAction action, String reason, OffboardingItemStatus status, String errorCode, String errorMessage,
                          OffsetDateTime executedAt, Long auditEventId) {
}
