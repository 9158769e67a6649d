package io.m365insights.automation;

import org.eclipse.microprofile.graphql.Description;

/** Where a plan item stands. */
@Description("Where an offboarding plan item stands.")
public enum OffboardingItemStatus {
    @Description("A removal the policy would make (dry-run mode).")
    PLANNED,
    @Description("Removed (enforce mode): a direct assignment.")
    DONE,
    @Description("Enforce mode tried and failed (the item carries the userError code and message).")
    FAILED,
    @Description("Enforce mode held the whole plan back (more removals than m365.offboarding.max-removals-per-run).")
    HELD,
    @Description("Nothing to do: exempt, waiting, or needs a group change a person makes.")
    NOT_APPLICABLE,
    @Description("The user was removed from the group (groupMode remove-membership); Microsoft 365 removes the "
            + "inherited license asynchronously, and a later sync confirms it.")
    PENDING_CONFIRMATION,
    @Description("A group membership removal whose inherited license a later sync found gone.")
    CONFIRMED,
    @Description("Removed from the group, but the license was still inherited after "
            + "m365.offboarding.group-removal-max-syncs syncs: a person must look (the item says what to check).")
    NOT_CONVERGED
}
