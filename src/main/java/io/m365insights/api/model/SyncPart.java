package io.m365insights.api.model;

import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncRunStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("SyncPart")
@Description("One part of a sync run. A failed part leaves its data as the last good run left it.")
public record SyncPart(
        @NonNull SyncPartName part,
        @NonNull SyncRunStatus status,
        @NonNull OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Description("Items read from Microsoft Graph.") int itemsRead,
        int created,
        int updated,
        int deleted,
        @Description("A short account of what happened, or why it failed.") String detail) {
}
