package io.m365insights.savings;

import io.m365insights.activity.IdleSeats;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.PriceBook;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.licenses.SubscriptionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the tenant's seats cost and what could be saved, monthly, in each price's currency — three figures that are
 * never mixed: {@code reassignableNow} (idle assigned seats, by the seat decision: take the seat back and give it to
 * someone else, or stop buying it, now), {@code reducibleAtRenewal} (seats bought but not assigned: new-commerce
 * subscriptions can be reduced only at renewal, so the date comes with it) and {@code exposure} (every seat bought).
 * SKUs without a price are in no figure (and are listed as unpriced).
 */
@ApplicationScoped
public class SavingsCalculator {

    /** One SKU's figures, at the monthly price in force today. */
    public record LicenseFigures(SkuEntity sku, PriceBook.Price price, int idleSeats, boolean reviewOnly,
                                 int unassignedSeats, OffsetDateTime nextRenewalAt, int boughtSeats) {
        public BigDecimal reassignableNow() {
            return price.monthly().multiply(BigDecimal.valueOf(idleSeats));
        }

        public BigDecimal reducibleAtRenewal() {
            return price.monthly().multiply(BigDecimal.valueOf(unassignedSeats));
        }

        public BigDecimal exposure() {
            return price.monthly().multiply(BigDecimal.valueOf(boughtSeats));
        }
    }

    /** The figures of one currency, and the SKUs they come from. */
    public record CurrencyFigures(String currency, List<LicenseFigures> licenses) {
        public BigDecimal reassignableNow() {
            return licenses.stream().map(LicenseFigures::reassignableNow).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal reducibleAtRenewal() {
            return licenses.stream().map(LicenseFigures::reducibleAtRenewal).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal exposure() {
            return licenses.stream().map(LicenseFigures::exposure).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public int idleSeats() {
            return licenses.stream().mapToInt(LicenseFigures::idleSeats).sum();
        }

        public int unassignedSeats() {
            return licenses.stream().mapToInt(LicenseFigures::unassignedSeats).sum();
        }

        /** The soonest renewal among the SKUs with unassigned seats: when the first reduction can be made. */
        public OffsetDateTime nextRenewalAt() {
            return licenses.stream().filter(l -> l.unassignedSeats() > 0).map(LicenseFigures::nextRenewalAt)
                    .filter(Objects::nonNull).min(OffsetDateTime::compareTo).orElse(null);
        }

        public boolean reviewOnly() {
            return licenses.stream().anyMatch(LicenseFigures::reviewOnly);
        }
    }

    /** Per currency (by code), and the SKUs without a price. */
    public record Figures(List<CurrencyFigures> currencies, List<SkuEntity> unpriced) {
    }

    @Inject
    LicenseQueries licenses;

    @Inject
    PriceBook prices;

    @Inject
    IdleSeats idleSeats;

    @Inject
    SubscriptionQueries subscriptions;

    @Inject
    Clock clock;

    /** The current SKUs without a price in force today. */
    public List<SkuEntity> unpriced() {
        List<SkuEntity> skus = licenses.currentSkus();
        Map<UUID, PriceBook.Price> inForce = prices.inForce(skus.stream()
                .map(s -> new PriceBook.Sku(s.skuId, s.skuPartNumber)).toList(), LocalDate.now(clock));
        return skus.stream().filter(s -> !inForce.containsKey(s.skuId)).toList();
    }

    public Figures figures(int days) {
        return figures(days, null);
    }

    /**
     * The figures with the idle seats already decided for {@code days} ({@code decided}: the seats of at least every
     * current priced SKU, as {@link IdleSeats#seats} gives them), or decided here when null.
     */
    public Figures figures(int days, Map<UUID, IdleSeats.SkuSeats> decided) {
        List<SkuEntity> skus = licenses.currentSkus();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, PriceBook.Price> inForce = prices.inForce(skus.stream()
                .map(s -> new PriceBook.Sku(s.skuId, s.skuPartNumber)).toList(), today);
        Map<UUID, String> priced = new LinkedHashMap<>();
        List<SkuEntity> unpriced = new ArrayList<>();
        for (SkuEntity s : skus) {
            if (inForce.containsKey(s.skuId)) {
                priced.put(s.skuId, s.skuPartNumber);
            } else {
                unpriced.add(s);
            }
        }
        Map<UUID, IdleSeats.SkuSeats> seats = decided != null ? decided
                : priced.isEmpty() ? Map.of() : idleSeats.seats(priced, days);
        Map<UUID, List<SubscriptionQueries.Subscription>> subs = subscriptions.bySku(priced.keySet());
        Map<String, List<LicenseFigures>> byCurrency = new TreeMap<>();
        for (SkuEntity s : skus) {
            PriceBook.Price price = inForce.get(s.skuId);
            if (price == null) {
                continue;
            }
            IdleSeats.SkuSeats skuSeats = seats.get(s.skuId);
            List<IdleSeats.Seat> idle = skuSeats == null ? List.of() : skuSeats.idle();
            boolean review = idle.stream().anyMatch(IdleSeats.Seat::reviewOnly)
                    || (skuSeats != null && skuSeats.undetermined() > 0);
            OffsetDateTime renewal = subs.getOrDefault(s.skuId, List.of()).stream()
                    .map(SubscriptionQueries.Subscription::nextLifecycleAt)
                    .filter(d -> d != null && !d.isBefore(now)).min(OffsetDateTime::compareTo).orElse(null);
            byCurrency.computeIfAbsent(price.currency(), k -> new ArrayList<>()).add(new LicenseFigures(s, price,
                    idle.size(), review, Math.max(0, s.enabledUnits - s.consumedUnits), renewal, s.enabledUnits));
        }
        List<CurrencyFigures> out = new ArrayList<>();
        byCurrency.forEach((currency, list) -> out.add(new CurrencyFigures(currency, list)));
        return new Figures(out, unpriced);
    }
}
