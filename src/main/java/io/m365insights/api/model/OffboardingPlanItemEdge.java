package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("OffboardingPlanItemEdge")
public record OffboardingPlanItemEdge(@NonNull String cursor, @NonNull OffboardingPlanItem node) {
}
