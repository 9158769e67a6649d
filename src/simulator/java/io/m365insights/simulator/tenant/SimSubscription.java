package io.m365insights.simulator.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code companySubscription} of the simulated tenant (CONTRACT.md §3, §10.4): what was bought, its state and when
 * it moves to its next state. {@code ownerTenantId} is the partner's tenant for a CSP purchase, else null.
 */
public record SimSubscription(UUID id, UUID commerceSubscriptionId, UUID skuId, String skuPartNumber, String status,
                              boolean isTrial, int totalLicenses, Instant createdDateTime,
                              Instant nextLifecycleDateTime, UUID ownerTenantId, String ownerType) {

    public SimSubscription with(String newStatus, Instant newNextLifecycle, Integer newTotal) {
        return new SimSubscription(id, commerceSubscriptionId, skuId, skuPartNumber,
                newStatus == null ? status : newStatus, isTrial, newTotal == null ? totalLicenses : newTotal,
                createdDateTime, newNextLifecycle == null ? nextLifecycleDateTime : newNextLifecycle, ownerTenantId,
                ownerType);
    }
}
