package io.m365insights.api.model;

import io.m365insights.audit.AuditCriteria;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** {@code criteria}: the filter behind this connection, for the lazily computed totalCount. */
@Type("AuditEventConnection")
@Description("A page of audit events, newest first (Relay connection).")
public record AuditEventConnection(@NonNull List<@NonNull AuditEventEdge> edges, @NonNull PageInfo pageInfo,
                                   @Ignore AuditCriteria criteria) {
    public @NonNull List<@NonNull AuditEvent> getNodes() {
        return edges.stream().map(AuditEventEdge::node).toList();
    }
}
