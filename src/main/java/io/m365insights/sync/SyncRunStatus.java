package io.m365insights.sync;

import org.eclipse.microprofile.graphql.Description;

/** RUNNING, then SUCCEEDED (every part), PARTIAL (some parts failed) or FAILED (all parts failed, or the run). */
@Description("How a sync run (or one of its parts) stands or ended.")
public enum SyncRunStatus {
    @Description("Still running.")
    RUNNING,
    @Description("Every part succeeded.")
    SUCCEEDED,
    @Description("Some parts failed; their data is as the last good run left it.")
    PARTIAL,
    @Description("Every part failed, or the run itself.")
    FAILED
}
