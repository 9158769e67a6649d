package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("OffboardingPlan")
@Description("The plan the offboarding policy made after the latest sync whose users part succeeded.")
public record OffboardingPlan(
        @Ignore long planId,
        @NonNull @Description("The mode the plan was made in.") OffboardingMode mode,
        int graceDays,
        @NonNull OffsetDateTime plannedAt,
        @Id @Description("The sync run it followed.") String syncRunId,
        @Description("Enforce mode held the whole plan back (nothing removed), and why.") String heldReason,
        @Description("A later sync could not re-plan (this plan is older), and why.") String skippedReason,
        OffsetDateTime skippedAt,
        @Description("Direct assignments to remove (or removed, in enforce mode).") int removals,
        @Description("Group-inherited assignments that need a group change.") int needsGroupChange,
        int exempt,
        @Description("Assignments of accounts still within the grace period.") int waiting,
        @Description("Removals done (enforce mode).") int done,
        @Description("Removals that failed (enforce mode).") int failed,
        @Description("Group-inherited assignments whose group membership the policy removed and a later sync has not "
                + "confirmed gone yet (groupMode remove-membership).") int pendingConfirmation,
        @Description("Group-inherited assignments still there after m365.offboarding.group-removal-max-syncs syncs.")
        int notConverged) {
}
