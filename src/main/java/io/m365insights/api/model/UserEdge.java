package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("UserEdge")
public record UserEdge(@NonNull String cursor, @NonNull User node) {
}
