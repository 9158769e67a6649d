package io.m365insights.api;

import io.m365insights.activity.IdleSeats;
import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.License;
import io.m365insights.api.model.LicenseSavings;
import io.m365insights.api.model.Money;
import io.m365insights.api.model.Savings;
import io.m365insights.savings.SavingsCalculator;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** The savings dashboard: three figures per currency, and the licenses without a price. */
@GraphQLApi
@ReaderAccess
public class SavingsApi {
    @Inject
    SavingsCalculator calculator;

    @Query("savings")
    @Description("What seats cost and what could be saved, monthly, one entry per currency (amounts of different "
            + "currencies are never added): reassignableNow (seats idle for `days`), reducibleAtRenewal (unassigned "
            + "seats, with the renewal date) and exposure (every seat bought). At the prices in force today.")
    public @NonNull List<@NonNull Savings> savings(@DefaultValue("30") int days) {
        if (days < 1 || days > IdleSeats.MAX_DAYS) {
            throw new ApiInputException("days must be between 1 and " + IdleSeats.MAX_DAYS);
        }
        return calculator.figures(days).currencies().stream().map(SavingsApi::savings).toList();
    }

    @Query("unpricedLicenses")
    @Description("Licenses without a price (set one with setLicensePrice or M365_LICENSE_PRICES): they are in no "
            + "savings figure.")
    public @NonNull List<@NonNull License> unpricedLicenses() {
        return calculator.unpriced().stream().map(ApiMapper::license).toList();
    }

    private static Savings savings(SavingsCalculator.CurrencyFigures c) {
        String cur = c.currency();
        return new Savings(cur, new Money(c.reassignableNow(), cur), c.idleSeats(), new Money(c.reducibleAtRenewal(), cur),
                c.unassignedSeats(), c.nextRenewalAt(), new Money(c.exposure(), cur), c.reviewOnly(),
                c.licenses().stream().map(l -> new LicenseSavings(ApiMapper.license(l.sku()), PricesApi.price(l.price()),
                        l.idleSeats(), new Money(l.reassignableNow(), cur), l.unassignedSeats(),
                        new Money(l.reducibleAtRenewal(), cur), l.nextRenewalAt(), l.boughtSeats(),
                        new Money(l.exposure(), cur), l.reviewOnly())).toList());
    }
}
