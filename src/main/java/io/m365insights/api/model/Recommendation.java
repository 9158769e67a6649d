package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Recommendation")
@Description("Something to do about a seat, with the evidence it rests on. Never executed by itself: act with the "
        + "audited mutations (unassignLicense, assignLicense, removeGroupMember).")
public record Recommendation(
        @NonNull RecommendationKind kind,
        @Description("The seat's holder; null for REDUCE_AT_RENEWAL (unassigned seats).") User user,
        @NonNull @Description("The license to take back, downgrade or reduce.") License license,
        @Description("DOWNGRADE_WEB_AND_MOBILE_ONLY: the license to move to; REMOVE_OVERLAPPING: the license that "
                + "keeps granting the same plans.") License target,
        @Description("What it saves a month, in the license's currency; null when a price is missing (see evidence).")
        Money monthlySaving,
        @NonNull RecommendationConfidence confidence,
        @NonNull @Description("The days, signals and facts the recommendation rests on, in words.") String evidence,
        @Description("The evidence is incomplete (a signal unavailable, names concealed, days missing): review before "
                + "acting.") boolean reviewOnly,
        @Description("How many seats it concerns: 1, or the unassigned seats for REDUCE_AT_RENEWAL.") int seats,
        @Description("REDUCE_AT_RENEWAL: the subscription's next renewal, when the seat count can be reduced.")
        OffsetDateTime renewalAt) {
}
