package io.m365insights.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit event as stored (read side; {@link AuditLog} appends). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String actor;
    @Column(name = "actor_kind")
    public String actorKind;
    public String action;
    @Column(name = "dry_run")
    public boolean dryRun;
    public String outcome;
    @Column(name = "error_code")
    public String errorCode;
    public String message;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "sku_id")
    public UUID skuId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String input;
    @Column(name = "graph_request_id")
    public String graphRequestId;
    @Column(name = "correlation_id")
    public UUID correlationId;
    @Column(name = "sync_run_id")
    public Long syncRunId;
}
