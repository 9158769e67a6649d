package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("PricePeriod")
@Description("What a price pays for: one seat for a month, or for a year.")
public enum PricePeriod {
    @Description("The price of one seat for a month.")
    MONTHLY,
    @Description("The price of one seat for a year (a twelfth of it a month).")
    ANNUAL
}
