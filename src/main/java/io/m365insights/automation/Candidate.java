package io.m365insights.automation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One license assignment of a disabled user, as the planner sees it. {@code groupId} null = direct. */
public record Candidate(UUID userId, String userPrincipalName, String displayName, OffsetDateTime disabledSince,
                        UUID skuId, String skuPartNumber, UUID groupId) {

    String license() {
        return skuPartNumber == null ? skuId.toString() : skuPartNumber;
    }
}
