package io.m365insights.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Which audit events to list; null (or empty) fields do not filter. */
public record AuditCriteria(List<AuditAction> actions, String actor, UUID userId, UUID skuId, AuditOutcome outcome,
                            Boolean dryRun, UUID correlationId, OffsetDateTime since, OffsetDateTime until) {

    public static AuditCriteria all() {
        return new AuditCriteria(null, null, null, null, null, null, null, null, null);
    }
}
