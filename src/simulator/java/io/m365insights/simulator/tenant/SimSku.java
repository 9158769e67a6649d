package io.m365insights.simulator.tenant;

import java.util.List;
import java.util.UUID;

/** A subscribed SKU of the simulated tenant. {@code consumedUnits} is always derived from the users. */
public final class SimSku {
    public final UUID skuId;
    public final String skuPartNumber;
    public final String appliesTo;
    public String capabilityStatus;
    public int enabledUnits;
    public int suspendedUnits;
    public int warningUnits;
    public int lockedOutUnits;
    public final List<SimServicePlan> servicePlans;
    public final UUID subscriptionId;

    public SimSku(UUID skuId, String skuPartNumber, String appliesTo, List<SimServicePlan> servicePlans,
                  UUID subscriptionId) {
        this.skuId = skuId;
        this.skuPartNumber = skuPartNumber;
        this.appliesTo = appliesTo;
        this.servicePlans = List.copyOf(servicePlans);
        this.subscriptionId = subscriptionId;
        this.capabilityStatus = "Enabled";
    }

    public record SimServicePlan(UUID servicePlanId, String servicePlanName, String appliesTo) {
    }
}
