package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RecommendationConfidence")
@Description("How strong a recommendation's evidence is.")
public enum RecommendationConfidence {
    @Description("Every signal the rule needs was available and agrees.")
    HIGH,
    @Description("The evidence is partial (a signal unavailable, few active days, a group to change first).")
    MEDIUM,
    @Description("Only sign-ins decided: they show the account is used, not the paid product.")
    LOW
}
