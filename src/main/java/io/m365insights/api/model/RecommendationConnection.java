package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("RecommendationConnection")
@Description("Recommendations, a page at a time (Relay), by kind, then license part number, then user id.")
public record RecommendationConnection(
        @NonNull List<@NonNull RecommendationEdge> edges,
        @NonNull List<@NonNull Recommendation> nodes,
        @NonNull PageInfo pageInfo,
        @Description("Recommendations on all pages.") int totalCount,
        @Description("Recommendations withheld because an offboarding exemption (M365_OFFBOARDING_EXEMPTIONS) names "
                + "their user or license: exemptions apply to recommendations too.") int exemptedCount) {
}
