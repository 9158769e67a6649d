package io.m365insights.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into audit_event (actor, actor_kind, action, dry_run, outcome, error_code, message,
                         user_id, sku_id, input, graph_request_id, correlation_id, sync_run_id, occurred_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?) returning id""")) {
            ps.setString(1, e.context().actor().name());
            ps.setString(2, e.context().actor().kind().name());
            ps.setString(3, e.action().name());
            ps.setBoolean(4, e.dryRun());
            ps.setString(5, e.outcome().name());
            ps.setString(6, e.errorCode());
            ps.setString(7, e.message());
            ps.setObject(8, e.userId(), Types.OTHER);
            ps.setObject(9, e.skuId(), Types.OTHER);
            ps.setString(10, json(e.input()));
            ps.setString(11, e.graphRequestId());
            ps.setObject(12, e.context().correlationId(), Types.OTHER);
            if (e.context().syncRunId() == null) {
                ps.setNull(13, Types.BIGINT);
            } else {
                ps.setLong(13, e.context().syncRunId());
            }
            ps.setObject(14, OffsetDateTime.now(clock));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException x) {
            throw new IllegalStateException("Could not append to the audit log: " + x.getMessage(), x);
        }
    }

    private static String json(Map<String, Object> input) {
        try {
            return JSON.writeValueAsString(input == null ? Map.of() : input);
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("audit input is not JSON: " + x.getOriginalMessage(), x);
        }
    }
}
