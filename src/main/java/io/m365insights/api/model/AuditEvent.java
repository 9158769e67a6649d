package io.m365insights.api.model;

import io.m365insights.audit.ActorKind;
import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditOutcome;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("AuditEvent")
@Description("One entry of the append-only audit log: a mutation, or an action of an automation policy.")
public record AuditEvent(
        @NonNull @Id String id,
        @NonNull OffsetDateTime occurredAt,
        @NonNull @Description("The caller's principal name (from their token), or the policy, e.g. policy:offboarding.")
        String actor,
        @NonNull ActorKind actorKind,
        @NonNull AuditAction action,
        @Description("True for a dry run: nothing was changed.") boolean dryRun,
        @NonNull AuditOutcome outcome,
        @Description("The userError code when it failed.") String errorCode,
        @NonNull @Description("What happened, for people.") String message,
        @Id @Description("The user acted on.") String userId,
        @Id @Description("The license acted on.") String skuId,
        @NonNull @Description("What was asked, as a JSON object (never a password).") String input,
        @Description("Microsoft Graph's request-id of the write, for Microsoft support.") String graphRequestId,
        @NonNull @Id @Description("Shared by the events of one mutation call or one policy run.") String correlationId,
        @Id @Description("The sync run an automated action followed.") String syncRunId) implements Node {
    @Override
    @Id
    @NonNull
    @Description(NodeIds.DESCRIPTION)
    public String getNodeId() {
        return NodeIds.encode(NodeIds.Kind.AuditEvent, id);
    }
}
