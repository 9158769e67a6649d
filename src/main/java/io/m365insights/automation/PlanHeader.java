package io.m365insights.automation;

import io.m365insights.config.M365Config.Offboarding.Mode;

import java.time.OffsetDateTime;

/**
 * The latest offboarding plan: when and after which sync run it was made, in which mode, and whether enforce mode held
 * it back; plus, when a later sync could not re-plan, when and why (the plan shown is then the previous one).
 */
public record PlanHeader(long id, OffsetDateTime plannedAt, Long syncRunId, Mode mode, int graceDays,
                         String heldReason, OffsetDateTime skippedAt, String skippedReason) {
}
