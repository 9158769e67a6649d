package io.m365insights.msgraph;

import java.util.List;
import java.util.UUID;

/** One of the tenant's {@code subscribedSkus}. */
public record MsGraphSku(UUID skuId, String subscribedSkuId, String skuPartNumber, String appliesTo,
                         String capabilityStatus, int enabledUnits, int suspendedUnits, int warningUnits,
                         int lockedOutUnits, int consumedUnits, List<ServicePlan> servicePlans) {

    public record ServicePlan(UUID servicePlanId, String servicePlanName, String provisioningStatus, String appliesTo) {
    }
}
