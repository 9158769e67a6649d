package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RecommendationKind")
@Description("The rule a recommendation comes from.")
public enum RecommendationKind {
    @Description("An idle seat by the seat decision (see License.idleSeats): take it back.")
    RECLAIM_IDLE_SEAT,
    @Description("An idle Copilot seat (a SKU with a Copilot service plan) whose holder shows no Copilot activity.")
    RECLAIM_COPILOT_SEAT,
    @Description("A full-suite seat (desktop Office apps) whose holder used Outlook, Word, Excel, PowerPoint, OneNote and "
            + "Teams only on mobile or the web in the window: move them to the web/mobile SKU in target.")
    DOWNGRADE_WEB_AND_MOBILE_ONLY,
    @Description("Every service plan this license enables for the user is also enabled by another license they hold "
            + "(target): remove this one.")
    REMOVE_OVERLAPPING,
    @Description("Seats bought and not assigned: reduce the seat count at the subscription's renewal (renewalAt).")
    REDUCE_AT_RENEWAL
}
