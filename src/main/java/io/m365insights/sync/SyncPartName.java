package io.m365insights.sync;

import org.eclipse.microprofile.graphql.Description;

/**
 * The parts of a sync run, in the order they run. The activity signals come after users and licenses, sign-ins last:
 * their slow, paced listing (10 requests a minute) never delays the directory.
 */
@Description("The parts of a sync run, in the order they run.")
public enum SyncPartName {
    @Description("Subscribed SKUs and their service plans.")
    LICENSES,
    @Description("The tenant's subscriptions (renewal dates, trial, seats bought).")
    SUBSCRIPTIONS,
    @Description("The groups that grant licenses, their kinds and members.")
    GROUPS,
    @Description("Directory users and their license assignments.")
    USERS,
    @Description("Microsoft 365 Apps usage report days.")
    USAGE,
    @Description("Last activity per service (Exchange, OneDrive, SharePoint, Teams): the Microsoft 365 active user detail report.")
    SERVICE_ACTIVITY,
    @Description("The Microsoft 365 Copilot usage report.")
    COPILOT_USAGE,
    @Description("Users' last successful sign-ins.")
    SIGN_INS
}
