package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

@Type("Savings")
@Description("What seats cost and what could be saved, monthly, in one currency: three figures that are never added "
        + "together, because they can be had at different times. Licenses without a price are in none of them.")
public record Savings(
        @NonNull @Description("ISO 4217 code of every amount here.") String currency,
        @NonNull @Description("Idle assigned seats (License.idleSeats, by every activity signal of the SKU): a saving "
                + "now, by taking the seat back.") Money reassignableNow,
        @Description("How many idle seats that is.") int idleSeats,
        @NonNull @Description("Seats bought but not assigned: a saving only when the subscription can be reduced, "
                + "usually at its renewal (nextRenewalAt).") Money reducibleAtRenewal,
        @Description("How many unassigned seats that is.") int unassignedSeats,
        @Description("The soonest next lifecycle date of the subscriptions of the licenses with unassigned seats.")
        OffsetDateTime nextRenewalAt,
        @NonNull @Description("Every seat bought, assigned or not.") Money exposure,
        @Description("True when some idle seats were decided without every signal of their rule (names concealed, a "
                + "permission missing) or some seats could not be decided: check before acting.") boolean reviewOnly,
        @NonNull @Description("The figures of each license priced in this currency.") List<@NonNull LicenseSavings> licenses) {
}
