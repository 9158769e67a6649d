package io.m365insights.api;

import io.m365insights.api.access.AdminAccess;
import io.m365insights.api.model.AuditEvent;
import io.m365insights.api.model.AuditEventConnection;
import io.m365insights.api.model.AuditEventFilter;
import io.m365insights.api.model.License;
import io.m365insights.api.model.User;
import io.m365insights.audit.AuditCriteria;
import io.m365insights.audit.AuditQueries;
import io.m365insights.config.M365Config;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** The audit log: admins only (it holds who did what, and their inputs). */
@GraphQLApi
@AdminAccess
public class AuditApi {
    @Inject
    AuditQueries audit;

    @Inject
    M365Config config;

    @Inject
    References references;

    @Query("auditEvents")
    @Description("Every mutation and automated action, newest first (Relay). first defaults to 50 and may not exceed "
            + "500.")
    public @NonNull AuditEventConnection auditEvents(Integer first, String after, AuditEventFilter filter) {
        int size = ApiMapper.pageSize(first, config.api());
        AuditCriteria criteria = AuditMapper.criteria(filter);
        Long before = PositionCursor.decode(after, AuditMapper.CURSOR, 0, "");
        return AuditMapper.connection(audit.page(criteria, before, size), criteria, before != null);
    }

    @Description("Every event matching the filter, on all pages.")
    public int totalCount(@Source AuditEventConnection connection) {
        return Math.toIntExact(audit.count(connection.criteria()));
    }

    @Description("The user acted on, as stored now (deleted users too); null when there is none or our directory does "
            + "not hold it (userId still says which). One statement for a whole page.")
    public List<User> user(@Source List<AuditEvent> events) {
        return references.users(events.stream().map(AuditEvent::userId).toList());
    }

    @Description("The license acted on, as stored now; null when the event names none. One statement for a whole "
            + "page.")
    public List<License> license(@Source List<AuditEvent> events) {
        return references.licenses(events.stream().map(AuditEvent::skuId).toList());
    }
}
