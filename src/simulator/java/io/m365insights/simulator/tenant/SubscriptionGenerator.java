package io.m365insights.simulator.tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.m365insights.simulator.tenant.SkuCatalog.AAD_PREMIUM;
import static io.m365insights.simulator.tenant.SkuCatalog.EMS;
import static io.m365insights.simulator.tenant.SkuCatalog.ENTERPRISEPACK;
import static io.m365insights.simulator.tenant.SkuCatalog.POWER_BI_PRO;
import static io.m365insights.simulator.tenant.SkuCatalog.POWER_BI_STANDARD;
import static io.m365insights.simulator.tenant.SkuCatalog.PROJECTPROFESSIONAL;
import static io.m365insights.simulator.tenant.SkuCatalog.SPE_E3;
import static io.m365insights.simulator.tenant.SkuCatalog.SPE_E5;

/**
 * One subscription per SKU (its {@code subscriptionIds} entry), with real-looking dates around {@code today}: annual
 * ones renewing within and beyond 90 days, monthly ones on their monthly anniversary, a trial, a CSP purchase (owned by
 * a partner tenant), and the states the SKUs already show (Project suspended, Entra ID P1 in its warning period).
 * Microsoft's subscriptions carry no billing term (CONTRACT.md §10.4); the simulator has none either.
 */
public final class SubscriptionGenerator {
    /** The partner (CSP) tenant that bought Power BI Pro. */
    public static final UUID PARTNER_TENANT = UUID.fromString("331af819-4e0b-49f7-a6bf-14e1165ad3a0");

    private SubscriptionGenerator() {
    }

    public static List<SimSubscription> generate(SimulatedTenant tenant, long seed, LocalDate today) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5ab5c41b7L);
        List<SimSubscription> out = new ArrayList<>();
        for (SimSku sku : tenant.skus()) {
            int total = sku.enabledUnits + sku.suspendedUnits + sku.lockedOutUnits;
            String status = sku.capabilityStatus;
            boolean trial = false;
            UUID owner = null;
            LocalDate created;
            LocalDate next;
            if (sku.skuId.equals(SPE_E3)) { // annual, renews within 90 days
                created = today.minusDays(300);
                next = created.plusYears(1);
            } else if (sku.skuId.equals(SPE_E5) || sku.skuId.equals(EMS)) { // annual, bought 1-3 years ago
                created = today.minusDays(rnd.nextInt(380, 1000));
                next = anniversary(created, today, 12);
            } else if (sku.skuId.equals(ENTERPRISEPACK)) { // monthly
                created = today.minusDays(200);
                next = anniversary(created, today, 1);
            } else if (sku.skuId.equals(POWER_BI_PRO)) { // monthly, bought through a partner
                created = today.minusDays(45);
                next = anniversary(created, today, 1);
                owner = PARTNER_TENANT;
            } else if (sku.skuId.equals(POWER_BI_STANDARD)) { // a 30-day trial
                created = today.minusDays(10);
                next = created.plusDays(30);
                trial = true;
            } else if (sku.skuId.equals(PROJECTPROFESSIONAL)) { // suspended: deleted when its next lifecycle comes
                created = today.minusDays(420);
                next = today.plusDays(25);
            } else if (sku.skuId.equals(AAD_PREMIUM)) { // expired, in its warning period
                created = today.minusDays(370);
                next = today.plusDays(5);
            } else {
                created = today.minusDays(rnd.nextInt(30, 700));
                next = anniversary(created, today, 12);
            }
            out.add(new SimSubscription(sku.subscriptionId, uuid(rnd), sku.skuId, sku.skuPartNumber, status, trial,
                    total, midnight(created), midnight(next), owner, owner == null ? "User" : "Company"));
        }
        return out;
    }

    /** The first date after {@code today} that is a whole number of {@code months} after {@code created}. */
    private static LocalDate anniversary(LocalDate created, LocalDate today, int months) {
        LocalDate d = created;
        for (int n = 1; !d.isAfter(today); n++) {
            d = created.plusMonths((long) n * months);
        }
        return d;
    }

    private static Instant midnight(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static UUID uuid(SplittableRandom rnd) {
        return new UUID(rnd.nextLong(), rnd.nextLong());
    }
}
