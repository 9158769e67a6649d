package io.m365insights.audit;

import java.util.Map;
import java.util.UUID;

/**
 * One event to append to the audit log.
 *
 * @param input what was asked, as JSON-able values; never a password
 */
public record AuditEntry(AuditContext context, AuditAction action, boolean dryRun, AuditOutcome outcome,
                         String errorCode, String message, UUID userId, UUID skuId, Map<String, Object> input,
                         String graphRequestId) {
}
