package io.m365insights.audit;

/** How an audited action ended. A dry run that would succeed is SUCCEEDED with {@code dryRun} true. */
public enum AuditOutcome {
    SUCCEEDED,
    /** Refused (a userError) or failed: nothing changed. */
    FAILED
}
