package io.m365insights.sync;

import org.eclipse.microprofile.graphql.Description;

/** The parts of a sync run, in the order they run. */
@Description("The parts of a sync run, in the order they run.")
public enum SyncPartName {
    @Description("Subscribed SKUs and their service plans.")
    LICENSES,
    @Description("Directory users and their license assignments.")
    USERS,
    @Description("Microsoft 365 Apps usage report days.")
    USAGE
}
