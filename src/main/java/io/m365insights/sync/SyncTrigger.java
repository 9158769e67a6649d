package io.m365insights.sync;

import org.eclipse.microprofile.graphql.Description;

/** What started a sync run. */
@Description("What started a sync run.")
public enum SyncTrigger {
    @Description("The schedule (M365_SYNC_CRON).")
    SCHEDULE,
    @Description("The syncNow mutation.")
    MANUAL,
    @Description("The application starting.")
    STARTUP
}
