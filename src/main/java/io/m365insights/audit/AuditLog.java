package io.m365insights.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Appends to the audit log ({@code audit_event}; the database refuses updates and deletes). Joins the caller's
 * transaction when there is one, so an event is stored exactly when the local change it describes is.
 */
@ApplicationScoped
public class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** Appends the event; returns its id. */
    @Transactional
    public long append(AuditEntry e) {
        return Jdbc.withConnection(dataSource, "append to the audit log", c -> Jdbc.queryOne(c, """
                insert into audit_event (actor, actor_kind, action, dry_run, outcome, error_code, message,
                    user_id, sku_id, input, graph_request_id, correlation_id, sync_run_id, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?) returning id""", rs -> rs.getLong(1),
                e.context().actor().name(), e.context().actor().kind().name(), e.action().name(), e.dryRun(),
                e.outcome().name(), e.errorCode(), e.message(), e.userId(), e.skuId(), json(e.input()),
                e.graphRequestId(), e.context().correlationId(), e.context().syncRunId(), OffsetDateTime.now(clock)));
    }

    private static String json(Map<String, Object> input) {
        try {
            return JSON.writeValueAsString(input == null ? Map.of() : input);
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("audit input is not JSON: " + x.getOriginalMessage(), x);
        }
    }
}
