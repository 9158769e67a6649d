package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Subscription")
@Description("A purchase of a SKU (Microsoft Graph's companySubscription), as of the last sync. Microsoft gives no "
        + "billing term, so none is shown: nextLifecycleAt is when the subscription moves to its next state (renewal, "
        + "expiry, suspension or deletion) if nothing is done.")
public record Subscription(
        @Id @NonNull String id,
        @Description("The commerce (billing) subscription id.") String commerceSubscriptionId,
        @Description("The SKU bought.") String skuId,
        String skuPartNumber,
        @NonNull CapabilityStatus status,
        @Name("isTrial") @Description("A trial, not a paid subscription.") boolean isTrial,
        @Description("Seats in this subscription.") int totalLicenses,
        OffsetDateTime createdAt,
        @Description("When the subscription moves to its next lifecycle state unless renewed or changed.")
        OffsetDateTime nextLifecycleAt,
        @Description("The tenant that owns the purchase: a partner's for a CSP subscription, else null.")
        @Id String ownerTenantId,
        @Description("As Microsoft Graph reports it, e.g. User or Company.") String ownerType) {
}
