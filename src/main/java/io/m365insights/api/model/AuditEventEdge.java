package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditEventEdge")
public record AuditEventEdge(@NonNull String cursor, @NonNull AuditEvent node) {
}
