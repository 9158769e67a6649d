package io.m365insights.api;

import io.m365insights.api.model.AuditEvent;
import io.m365insights.api.model.AuditEventConnection;
import io.m365insights.api.model.AuditEventEdge;
import io.m365insights.api.model.AuditEventFilter;
import io.m365insights.audit.ActorKind;
import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditCriteria;
import io.m365insights.audit.AuditEventEntity;
import io.m365insights.audit.AuditOutcome;
import io.m365insights.db.Page;

/** Maps stored audit events to the API, and the API's filter to criteria. */
final class AuditMapper {
    static final String CURSOR = "a1";

    private AuditMapper() {
    }

    static AuditCriteria criteria(AuditEventFilter f) {
        if (f == null) {
            return AuditCriteria.all();
        }
        return new AuditCriteria(f.actions, f.actor, f.userId == null ? null : Ids.uuid(f.userId, "filter.userId"),
                f.skuId == null ? null : Ids.uuid(f.skuId, "filter.skuId"), f.outcome, f.dryRun,
                f.correlationId == null ? null : Ids.uuid(f.correlationId, "filter.correlationId"), f.since, f.until);
    }

    static AuditEvent event(AuditEventEntity e) {
        return new AuditEvent(e.id.toString(), e.occurredAt, e.actor, ActorKind.valueOf(e.actorKind),
                AuditAction.valueOf(e.action), e.dryRun, AuditOutcome.valueOf(e.outcome), e.errorCode, e.message,
                e.userId == null ? null : e.userId.toString(), e.skuId == null ? null : e.skuId.toString(), e.input,
                e.graphRequestId, e.correlationId.toString(), e.syncRunId == null ? null : e.syncRunId.toString());
    }

    static AuditEventConnection connection(Page<AuditEventEntity> page, AuditCriteria criteria, boolean hasPrevious) {
        var built = Connections.of(page, hasPrevious, e -> PositionCursor.encode(CURSOR, 0, e.id), AuditMapper::event,
                AuditEventEdge::new);
        return new AuditEventConnection(built.edges(), built.pageInfo(), criteria);
    }
}
