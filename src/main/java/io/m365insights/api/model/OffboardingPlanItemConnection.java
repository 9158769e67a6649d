package io.m365insights.api.model;

import io.m365insights.automation.OffboardingAction;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** {@code planId} and {@code actions}: what this connection lists, for the lazily computed totalCount. */
@Type("OffboardingPlanItemConnection")
@Description("A page of the plan's items, in plan order (by user principal name, then license).")
public record OffboardingPlanItemConnection(@NonNull List<@NonNull OffboardingPlanItemEdge> edges,
                                            @NonNull PageInfo pageInfo, @Ignore long planId,
                                            @Ignore List<OffboardingAction> actions) {
    public @NonNull List<@NonNull OffboardingPlanItem> getNodes() {
        return edges.stream().map(OffboardingPlanItemEdge::node).toList();
    }
}
