package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("PriceSource")
@Description("Where a price comes from.")
public enum PriceSource {
    @Description("Set with setLicensePrice (audited), in force from its effectiveFrom day.")
    SET,
    @Description("The M365_LICENSE_PRICES setting (monthly, in M365_LICENSE_CURRENCY): in force wherever no set price is.")
    CONFIGURATION
}
