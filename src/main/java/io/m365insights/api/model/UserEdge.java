package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UserEdge")
@Description("A user with its cursor.")
public record UserEdge(@NonNull String cursor, @NonNull User node) {
}
