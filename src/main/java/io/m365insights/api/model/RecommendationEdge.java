package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("RecommendationEdge")
@Description("A recommendation with its cursor.")
public record RecommendationEdge(@NonNull String cursor, @NonNull Recommendation node) {
}
