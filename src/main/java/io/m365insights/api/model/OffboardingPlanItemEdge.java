package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("OffboardingPlanItemEdge")
@Description("A plan item with its cursor.")
public record OffboardingPlanItemEdge(@NonNull String cursor, @NonNull OffboardingPlanItem node) {
}
