package io.m365insights.api.model;

import io.m365insights.sync.SyncRunStatus;
import io.m365insights.sync.SyncTrigger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

@Type("SyncRun")
@Description("One run of the sync: its parts (licenses, users, usage) and how each ended.")
public record SyncRun(
        @Id @NonNull String id,
        @NonNull SyncTrigger trigger,
        @NonNull SyncRunStatus status,
        @NonNull OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Description("Why the run failed or was partial; null when it succeeded.") String error,
        @Description("The replica (host) that ran it.") String replica,
        @NonNull List<@NonNull SyncPart> parts) implements Node {
    @Override
    @Id
    @NonNull
    @Description(NodeIds.DESCRIPTION)
    public String getNodeId() {
        return NodeIds.encode(NodeIds.Kind.SyncRun, id);
    }
}
