package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("OffboardingPolicy")
@Description("The offboarding policy as configured (m365.offboarding.*).")
public record OffboardingPolicySettings(
        @NonNull OffboardingMode mode,
        @Description("Days an account must have been seen disabled before its licenses are removed.") int graceDays,
        @Description("In enforce mode, a plan with more removals is held for review.") int maxRemovalsPerRun,
        @NonNull List<@NonNull OffboardingExemption> exemptions,
        @NonNull @Description("What the policy does with group-inherited licenses.") OffboardingGroupMode groupMode,
        @Description("Syncs after a group membership removal by which the inherited license must be gone.")
        int groupRemovalMaxSyncs) {
}
