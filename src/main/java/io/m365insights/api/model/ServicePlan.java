package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ServicePlan")
@Description("A service plan (Exchange, Teams, ...) that a SKU includes.")
public record ServicePlan(@Id @NonNull String servicePlanId, @NonNull String servicePlanName, String provisioningStatus,
                          String appliesTo) {
}
