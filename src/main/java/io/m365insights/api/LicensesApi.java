package io.m365insights.api;

import io.m365insights.api.model.License;
import io.m365insights.api.model.ServicePlan;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.licenses.LicensePrices;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.users.UserCriteria;
import org.eclipse.microprofile.graphql.DefaultValue;
import io.m365insights.licenses.ServicePlanEntity;
import io.m365insights.api.access.ReaderAccess;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@GraphQLApi
@ReaderAccess
public class LicensesApi {
    @Inject
    LicenseQueries licenses;

    @Inject
    UserConnections connections;

    @Inject
    LicensePrices prices;

    @Query("licenses")
    @Description("Every SKU the tenant subscribes to, by part number, with its seat counts.")
    public @NonNull List<@NonNull License> licenses() {
        return licenses.currentSkus().stream().map(ApiMapper::license).toList();
    }

    @Query("license")
    @Description("One SKU by its skuId (a GUID), including one the tenant no longer subscribes to.")
    public License license(@NonNull @Id String skuId) {
        return licenses.sku(Ids.uuid(skuId, "skuId")).map(ApiMapper::license).orElse(null);
    }

    @Description("Users holding this license (directly or through a group), a page at a time.")
    public @NonNull UserConnection assignedUsers(@Source License license, Integer first, String after,
                                                 UserFilter filter, UserOrder orderBy) {
        var criteria = connections.criteria(filter).withSku(UUID.fromString(license.skuId()));
        return connections.page(first, after, criteria, orderBy);
    }

    @Deprecated
    @Description("Deprecated: use idleSeats, which decides from every signal of the SKU (mailbox, OneDrive, "
            + "SharePoint, Teams, Copilot, sign-ins) and works while names are concealed. Users holding this license "
            + "with no activity in any of the six apps of the Microsoft 365 Apps report (Teams included) on the `days` "
            + "most recent days of usage data, never-active users included. Error USAGE_UNAVAILABLE while names are "
            + "concealed.")
    public @NonNull UserConnection inactiveUsers(@Source License license, @DefaultValue("30") int days, Integer first,
                                                 String after, UserOrder orderBy) {
        var criteria = UserCriteria.all().withSku(UUID.fromString(license.skuId()))
                .inactiveAfter(connections.inactiveCutoff(days, "days"));
        return connections.page(first, after, criteria, orderBy);
    }

    @Deprecated
    @Description("Deprecated: use idleCount. How many holders of this license are inactive for `days` in the six apps "
            + "(see inactiveUsers).")
    public List<Integer> inactiveCount(@Source List<License> page, @DefaultValue("30") int days) {
        Map<UUID, Integer> counts = licenses.inactiveCounts(skuIds(page), connections.inactiveCutoff(days, "days"));
        return page.stream().map(l -> counts.getOrDefault(UUID.fromString(l.skuId()), 0)).toList();
    }

    @Deprecated
    @Description("Deprecated: use price { monthly }, which carries its currency and history. Monthly price of one "
            + "seat, from the M365_LICENSE_PRICES setting; null when not configured.")
    public BigDecimal monthlyPrice(@Source License license) {
        return prices.monthly(license.skuPartNumber()).orElse(null);
    }

    @Deprecated
    @Description("Deprecated: every Money carries its currency. Currency of the configured prices "
            + "(M365_LICENSE_CURRENCY).")
    public @NonNull String currency(@Source License license) {
        return prices.currency();
    }

    @Deprecated
    @Description("Deprecated: use unassignedMonthly (Money, at the price in force today). Monthly cost of the seats "
            + "bought but not assigned at the configured price; null without a price.")
    public BigDecimal unassignedMonthlyCost(@Source License license) {
        return prices.monthly(license.skuPartNumber()).map(p -> p.multiply(BigDecimal.valueOf(license.unassigned())))
                .orElse(null);
    }

    @Deprecated
    @Description("Deprecated: use idleMonthlyCost. Monthly cost of the seats held by inactive users (see "
            + "inactiveUsers); null without a price.")
    public List<BigDecimal> inactiveMonthlyCost(@Source List<License> page, @DefaultValue("30") int days) {
        Map<UUID, Integer> counts = licenses.inactiveCounts(skuIds(page), connections.inactiveCutoff(days, "days"));
        return page.stream().map(l -> prices.monthly(l.skuPartNumber())
                .map(p -> p.multiply(BigDecimal.valueOf(counts.getOrDefault(UUID.fromString(l.skuId()), 0))))
                .orElse(null)).toList();
    }

    private static List<UUID> skuIds(List<License> page) {
        return page.stream().map(l -> UUID.fromString(l.skuId())).distinct().toList();
    }

    @Description("The service plans (Exchange, Teams, ...) the SKU includes.")
    public List<@NonNull List<@NonNull ServicePlan>> servicePlans(@Source List<License> page) {
        Map<UUID, List<ServicePlanEntity>> plans =
                licenses.servicePlans(page.stream().map(l -> UUID.fromString(l.skuId())).distinct().toList());
        return page.stream().map(l -> plans.getOrDefault(UUID.fromString(l.skuId()), List.of()).stream()
                .map(ApiMapper::servicePlan).toList()).toList();
    }
}
