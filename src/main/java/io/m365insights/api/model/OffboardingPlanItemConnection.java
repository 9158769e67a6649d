package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("OffboardingPlanItemConnection")
@Description("A page of the plan's items, in plan order (by user principal name, then license).")
public class OffboardingPlanItemConnection {
    private final List<OffboardingPlanItemEdge> edges;
    private final PageInfo pageInfo;

    public OffboardingPlanItemConnection(List<OffboardingPlanItemEdge> edges, PageInfo pageInfo) {
        this.edges = edges;
        this.pageInfo = pageInfo;
    }

    public @NonNull List<@NonNull OffboardingPlanItemEdge> getEdges() {
        return edges;
    }

    public @NonNull List<@NonNull OffboardingPlanItem> getNodes() {
        return edges.stream().map(OffboardingPlanItemEdge::node).toList();
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }
}
