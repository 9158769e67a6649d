package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("SyncNowPayload")
@Description("The result of syncNow.")
public record SyncNowPayload(
        @Description("The run started, or the one already running: none when the run in the way is being recorded or finishing its follow-ups.") SyncRun run,
        @Description("True when a run was already in progress (on any replica), so no new one started.") boolean alreadyRunning,
        @NonNull List<@NonNull UserError> userErrors) {
}
