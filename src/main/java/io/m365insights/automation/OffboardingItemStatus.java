package io.m365insights.automation;

import org.eclipse.microprofile.graphql.Description;

/** Where a plan item stands. */
@Description("Where an offboarding plan item stands.")
public enum OffboardingItemStatus {
    @Description("A removal the policy would make (dry-run mode).")
    PLANNED,
    @Description("Removed (enforce mode).")
    DONE,
    @Description("Enforce mode tried and failed (the item carries the userError code and message).")
    FAILED,
    @Description("Enforce mode held the whole plan back (more removals than m365.offboarding.max-removals-per-run).")
    HELD,
    @Description("Nothing to do: exempt, waiting, or needs a group change.")
    NOT_APPLICABLE
}
