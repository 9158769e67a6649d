package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("SyncStatus")
@Description("Where the data comes from and how fresh it is.")
public record SyncStatus(
        @Description("A sync is running now (on any replica), its follow-ups after the parts included: while true, syncNow starts nothing.") boolean running,
        @Description("The run in progress, if any.") SyncRun currentRun,
        @Description("The latest run, whatever its outcome.") SyncRun lastRun,
        @Description("The latest run in which every part succeeded: the data is at least this fresh.") SyncRun lastSuccessfulRun,
        @NonNull @Description("The ten latest runs, newest first.") List<@NonNull SyncRun> recentRuns,
        @NonNull @Description("Usage data held: coverage, gaps, concealment.") UsageCoverage usage) {
}
