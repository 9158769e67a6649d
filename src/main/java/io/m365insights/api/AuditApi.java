package io.m365insights.api;

import io.m365insights.api.access.AdminAccess;
import io.m365insights.api.model.AuditEventConnection;
import io.m365insights.api.model.AuditEventFilter;
import io.m365insights.audit.AuditCriteria;
import io.m365insights.audit.AuditQueries;
import io.m365insights.config.M365Config;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The audit log: admins only (it holds who did what, and their inputs). */
@GraphQLApi
@AdminAccess
public class AuditApi {
    @Inject
    AuditQueries audit;

    @Inject
    M365Config config;

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
}
