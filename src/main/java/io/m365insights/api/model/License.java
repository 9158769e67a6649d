package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("License")
@Description("A subscribed SKU (product) of the tenant with its seat counts, as of the last sync.")
public record License(
        @Id @NonNull String skuId,
        @Description("e.g. SPE_E3; null only for a SKU Microsoft Graph never listed.") String skuPartNumber,
        @NonNull CapabilityStatus capabilityStatus,
        @Description("User or Company.") String appliesTo,
        @Description("Seats bought: prepaidUnits.enabled.") int total,
        @Description("Seats in use: consumedUnits.") int assigned,
        @Description("total - assigned, never below 0.") int unassigned,
        @Description("assigned - total when more seats are in use than bought, else 0.") int overAssigned,
        @Description("Seats in the suspended state (subscription ended, about to be removed).") int suspended,
        @Description("Seats in the warning state (grace period).") int warning,
        @Description("Seats locked out.") int lockedOut,
        @Description("When Microsoft Graph stopped listing this SKU; null while it is subscribed.") OffsetDateTime removedAt) implements Node {
    @Override
    @Id
    @NonNull
    @Description(NodeIds.DESCRIPTION)
    public String getNodeId() {
        return NodeIds.encode(NodeIds.Kind.License, skuId);
    }
}
