package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("IdleSeatConnection")
@Description("Idle seats of a SKU, a page at a time (Relay), ordered by user id.")
public record IdleSeatConnection(
        @NonNull List<@NonNull IdleSeatEdge> edges,
        @NonNull List<@NonNull IdleSeat> nodes,
        @NonNull PageInfo pageInfo,
        @Description("Idle seats on all pages.") int totalCount,
        @Description("Seats whose activity cannot be told at all (no signal of the SKU, and no sign-ins, available): "
                + "neither idle nor active — never counted as idle.") int undeterminedCount,
        @Description("Seats assigned within M365_NEW_SEAT_GRACE_DAYS: not idle, whatever their activity.")
        int newSeatCount) {
}
