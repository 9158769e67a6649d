package io.m365insights.msgraph;

import java.util.List;
import java.util.UUID;

/** One entry of {@code assignLicense}'s {@code addLicenses}: a SKU, with the service plans to leave switched off. */
public record MsGraphLicenseToAdd(UUID skuId, List<UUID> disabledPlans) {
    public MsGraphLicenseToAdd {
        disabledPlans = List.copyOf(disabledPlans);
    }
}
