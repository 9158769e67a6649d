package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("SeatChangeKind")
@Description("How a seat changed, as the seat history recorded it.")
public enum SeatChangeKind {
    @Description("An assignment appeared: found by a sync, or made through this service.")
    ASSIGNED,
    @Description("An assignment went, found by a sync (removed in Microsoft 365, or its user deleted).")
    REMOVED,
    @Description("A direct assignment removed through this service (unassignLicense or the offboarding policy).")
    RECLAIMED
}
