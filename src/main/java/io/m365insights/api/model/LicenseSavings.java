package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("LicenseSavings")
@Description("One license's share of Savings, at its monthly price in force today.")
public record LicenseSavings(
        @NonNull License license,
        @NonNull Price price,
        int idleSeats,
        @NonNull Money reassignableNow,
        int unassignedSeats,
        @NonNull Money reducibleAtRenewal,
        @Description("The soonest next lifecycle date of this license's subscriptions.") OffsetDateTime nextRenewalAt,
        int boughtSeats,
        @NonNull Money exposure,
        boolean reviewOnly) {
}
