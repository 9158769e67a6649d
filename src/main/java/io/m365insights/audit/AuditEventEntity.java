package io.m365insights.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
    public OffsetDateTime occurredAt;
    public String actor;
    public String actorKind;
    public String action;
    public boolean dryRun;
    public String outcome;
    public String errorCode;
    public String message;
    public UUID userId;
    public UUID skuId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String input;
    public String graphRequestId;
    public UUID correlationId;
    public Long syncRunId;
}
