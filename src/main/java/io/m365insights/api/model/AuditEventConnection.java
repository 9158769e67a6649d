package io.m365insights.api.model;

import io.m365insights.audit.AuditCriteria;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AuditEventConnection")
@Description("A page of audit events, newest first (Relay connection).")
public class AuditEventConnection {
    private final List<AuditEventEdge> edges;
    private final PageInfo pageInfo;
    private final AuditCriteria criteria;

    public AuditEventConnection(List<AuditEventEdge> edges, PageInfo pageInfo, AuditCriteria criteria) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.criteria = criteria;
    }

    public @NonNull List<@NonNull AuditEventEdge> getEdges() {
        return edges;
    }

    public @NonNull List<@NonNull AuditEvent> getNodes() {
        return edges.stream().map(AuditEventEdge::node).toList();
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    /** The filter behind this connection, for the lazily computed totalCount. */
    @Ignore
    public AuditCriteria criteria() {
        return criteria;
    }
}
