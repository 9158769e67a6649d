package io.m365insights.automation;

/** Where a plan item stands. */
public enum OffboardingItemStatus {
    /** A removal the policy would make (dry-run mode). */
    PLANNED,
    /** Removed (enforce mode). */
    DONE,
    /** Enforce mode tried and failed (the item carries the userError code and message). */
    FAILED,
    /** Enforce mode held the whole plan back (more removals than m365.offboarding.max-removals-per-run). */
    HELD,
    /** Nothing to do: exempt, waiting, or needs a group change. */
    NOT_APPLICABLE
}
