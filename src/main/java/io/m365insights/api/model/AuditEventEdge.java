package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditEventEdge")
@Description("An audit event with its cursor.")
public record AuditEventEdge(@NonNull String cursor, @NonNull AuditEvent node) {
}
