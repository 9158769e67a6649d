package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("IdleSeatEdge")
@Description("An idle seat with its cursor.")
public record IdleSeatEdge(@NonNull String cursor, @NonNull IdleSeat node) {
}
