package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Type("Price")
@Description("The price of one seat of a license, as the customer set it (Microsoft Graph has no prices).")
public record Price(
        @NonNull @Description("The price for the period.") Money amount,
        @NonNull PricePeriod period,
        @NonNull @Description("What one seat costs a month at this price (an annual price divided by 12).") Money monthly,
        @Description("The first day it is in force; null for the configured price, in force wherever no set price is.")
        LocalDate effectiveFrom,
        @NonNull PriceSource source,
        @Description("Who set it (null for the configured price).") String setBy,
        OffsetDateTime setAt) {
}
