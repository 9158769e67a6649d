package io.m365insights.api;

import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.CapabilityStatus;
import io.m365insights.api.model.License;
import io.m365insights.api.model.Subscription;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.licenses.SubscriptionQueries;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Subscriptions: those of each license, and the renewal calendar. */
@GraphQLApi
@ReaderAccess
public class SubscriptionsApi {
    static final int MAX_WITHIN_DAYS = 3660;

    @Inject
    SubscriptionQueries subscriptions;

    @Inject
    LicenseQueries licenses;

    @Inject
    Clock clock;

    @Description("The subscriptions this SKU was bought in, soonest next lifecycle date first.")
    public List<@NonNull List<@NonNull Subscription>> subscriptions(@Source List<License> page) {
        Map<UUID, List<SubscriptionQueries.Subscription>> bySku = subscriptions.bySku(
                page.stream().map(l -> UUID.fromString(l.skuId())).distinct().toList());
        return page.stream().map(l -> bySku.getOrDefault(UUID.fromString(l.skuId()), List.of()).stream()
                .map(SubscriptionsApi::subscription).toList()).toList();
    }

    @Query("renewals")
    @Description("Subscriptions whose next lifecycle date (renewal, expiry, suspension or deletion) falls within "
            + "`withinDays` days from now, soonest first: the renewal calendar. Seats can usually be reduced only "
            + "around that date.")
    public @NonNull List<@NonNull Subscription> renewals(@DefaultValue("90") int withinDays) {
        if (withinDays < 0 || withinDays > MAX_WITHIN_DAYS) {
            throw new ApiInputException("withinDays must be between 0 and " + MAX_WITHIN_DAYS);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return subscriptions.nextLifecycleBetween(now, now.plusDays(withinDays)).stream()
                .map(SubscriptionsApi::subscription).toList();
    }

    @Description("The SKU bought (null when Microsoft Graph never listed it).")
    public List<License> license(@Source List<Subscription> page) {
        List<UUID> ids = page.stream().map(Subscription::skuId).filter(java.util.Objects::nonNull).map(UUID::fromString)
                .distinct().toList();
        Map<UUID, SkuEntity> skus = licenses.skus(ids).stream().collect(Collectors.toMap(s -> s.skuId, Function.identity()));
        return page.stream().map(s -> s.skuId() == null ? null
                : java.util.Optional.ofNullable(skus.get(UUID.fromString(s.skuId()))).map(ApiMapper::license)
                        .orElseGet(() -> ApiMapper.unknownLicense(s.skuId()))).toList();
    }

    static Subscription subscription(SubscriptionQueries.Subscription s) {
        return new Subscription(s.id().toString(), s.commerceSubscriptionId(),
                s.skuId() == null ? null : s.skuId().toString(), s.skuPartNumber(), CapabilityStatus.fromGraph(s.status()),
                s.trial(), s.totalLicenses(), s.createdAt(), s.nextLifecycleAt(),
                s.ownerTenantId() == null ? null : s.ownerTenantId().toString(), s.ownerType());
    }
}
