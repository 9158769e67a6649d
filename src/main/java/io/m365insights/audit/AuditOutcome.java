package io.m365insights.audit;

import org.eclipse.microprofile.graphql.Description;

/** How an audited action ended. A dry run that would succeed is SUCCEEDED with {@code dryRun} true. */
@Description("How an audited action ended. A dry run that would succeed is SUCCEEDED with dryRun true.")
public enum AuditOutcome {
    @Description("Done (or, on a dry run, would be done).")
    SUCCEEDED,
    @Description("Refused (a userError) or failed: nothing changed.")
    FAILED
}
