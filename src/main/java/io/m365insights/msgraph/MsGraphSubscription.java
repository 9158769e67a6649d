package io.m365insights.msgraph;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One of the tenant's {@code directory/subscriptions} (companySubscription, CONTRACT.md §3, §10.4). There is no billing
 * term: {@code nextLifecycleAt} is when the subscription moves to its next state if nothing is done.
 */
public record MsGraphSubscription(UUID id, String commerceSubscriptionId, UUID skuId, String skuPartNumber,
                                  String status, boolean trial, int totalLicenses, OffsetDateTime createdAt,
                                  OffsetDateTime nextLifecycleAt, UUID ownerTenantId, String ownerType) {
}
