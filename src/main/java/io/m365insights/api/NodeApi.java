package io.m365insights.api;

import io.m365insights.api.access.AccessCheck;
import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.access.Roles;
import io.m365insights.api.model.Node;
import io.m365insights.api.model.NodeIds;
import io.m365insights.audit.AuditQueries;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.sync.SyncStatusService;
import io.m365insights.users.UserQueries;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.Optional;
import java.util.UUID;

/** Relay's refetch by global id. An audit event needs the admin role, as in {@code auditEvents}. */
@GraphQLApi
@ReaderAccess
public class NodeApi {
    @Inject
    UserQueries users;

    @Inject
    LicenseQueries licenses;

    @Inject
    AuditQueries audit;

    @Inject
    SyncStatusService runs;

    @Inject
    AccessCheck access;

    @Query("node")
    @Description("The object with this global id (a `nodeId`), or null when there is none. An AuditEvent needs the "
            + "admin role.")
    public Node node(@NonNull @Id String id) {
        NodeIds.Ref ref = NodeIds.decode(id).orElseThrow(() -> new ApiInputException(
                "id: '" + id + "' is not a global id; pass a nodeId value unchanged"));
        return switch (ref.kind()) {
            case User -> guid(ref).flatMap(users::byId).map(ApiMapper::user).orElse(null);
            case License -> guid(ref).flatMap(licenses::sku).map(ApiMapper::license).orElse(null);
            case SyncRun -> number(ref).flatMap(runs::byId).map(ApiMapper::run).orElse(null);
            case AuditEvent -> {
                access.require(Roles.ADMIN);
                yield number(ref).flatMap(audit::byId).map(AuditMapper::event).orElse(null);
            }
        };
    }

    private static Optional<UUID> guid(NodeIds.Ref ref) {
        try {
            return Optional.of(UUID.fromString(ref.key()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(NodeIds.Ref ref) {
        try {
            return Optional.of(Long.parseLong(ref.key()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
