package io.m365insights.api;

import io.m365insights.api.model.License;
import io.m365insights.api.model.ServicePlan;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.ServicePlanEntity;
import io.m365insights.api.access.ReaderAccess;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

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
        var criteria = ApiMapper.criteria(filter).withSku(UUID.fromString(license.skuId()));
        return connections.page(first, after, criteria, orderBy);
    }

    @Description("The service plans (Exchange, Teams, ...) the SKU includes.")
    public List<@NonNull List<@NonNull ServicePlan>> servicePlans(@Source List<License> page) {
        Map<UUID, List<ServicePlanEntity>> plans =
                licenses.servicePlans(page.stream().map(l -> UUID.fromString(l.skuId())).distinct().toList());
        return page.stream().map(l -> plans.getOrDefault(UUID.fromString(l.skuId()), List.of()).stream()
                .map(ApiMapper::servicePlan).toList()).toList();
    }
}
