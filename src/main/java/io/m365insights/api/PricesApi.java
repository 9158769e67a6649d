package io.m365insights.api;

import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.License;
import io.m365insights.api.model.Money;
import io.m365insights.api.model.Price;
import io.m365insights.api.model.PricePeriod;
import io.m365insights.api.model.PriceSource;
import io.m365insights.licenses.PriceBook;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Prices of licenses, with their history, and what seats cost at them. */
@GraphQLApi
@ReaderAccess
public class PricesApi {
    @Inject
    PriceBook prices;

    @Inject
    Clock clock;

    @Description("The price of one seat in force on `on` (today when omitted): the latest price set from that day or "
            + "before, else the configured one; null without any price.")
    public List<Price> price(@Source List<License> page, @Name("on") LocalDate on) {
        Map<UUID, PriceBook.Price> inForce = prices.inForce(skus(page), on == null ? LocalDate.now(clock) : on);
        return page.stream().map(l -> price(inForce.get(UUID.fromString(l.skuId())))).toList();
    }

    @Description("Every price set for this license, the newest effective day first, then the configured one.")
    public @NonNull List<@NonNull Price> priceHistory(@Source License license) {
        return prices.history(sku(license)).stream().map(PricesApi::price).toList();
    }

    @Description("What the seats bought but not assigned cost a month at today's price; null without a price.")
    public List<Money> unassignedMonthly(@Source List<License> page) {
        Map<UUID, PriceBook.Price> inForce = prices.inForce(skus(page), LocalDate.now(clock));
        return page.stream().map(l -> {
            PriceBook.Price p = inForce.get(UUID.fromString(l.skuId()));
            return p == null ? null : new Money(p.monthly().multiply(BigDecimal.valueOf(l.unassigned())), p.currency());
        }).toList();
    }

    static Price price(PriceBook.Price p) {
        if (p == null) {
            return null;
        }
        return new Price(new Money(p.amount(), p.currency()), PricePeriod.valueOf(p.period().name()),
                new Money(p.monthly(), p.currency()), p.effectiveFrom(), PriceSource.valueOf(p.source().name()),
                p.setBy(), p.setAt());
    }

    private static List<PriceBook.Sku> skus(List<License> page) {
        return page.stream().map(PricesApi::sku).distinct().toList();
    }

    private static PriceBook.Sku sku(License l) {
        return new PriceBook.Sku(UUID.fromString(l.skuId()), l.skuPartNumber());
    }
}
