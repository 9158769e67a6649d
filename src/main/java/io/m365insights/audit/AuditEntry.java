package io.m365insights.audit;

import java.util.Map;
import java.util.UUID;

/**
 * One event to append to the audit log, built one way: {@link #succeeded} or {@link #failed}, then what it was about
 * ({@link #about}, {@link #withInput}, {@link #dryRun}, {@link #withGraphRequestId}).
 *
 * @param input what was asked, as JSON-able values; never a password
 */
public record AuditEntry(AuditContext context, AuditAction action, boolean dryRun, AuditOutcome outcome,
                         String errorCode, String message, UUID userId, UUID skuId, Map<String, Object> input,
                         String graphRequestId) {

    /** Done (or, on a dry run, would be done). */
    public static AuditEntry succeeded(AuditContext context, AuditAction action, String message) {
        return new AuditEntry(context, action, false, AuditOutcome.SUCCEEDED, null, message, null, null, Map.of(), null);
    }

    /** Refused or failed, with the userError code (or another stable code) saying why. */
    public static AuditEntry failed(AuditContext context, AuditAction action, String errorCode, String message) {
        return new AuditEntry(context, action, false, AuditOutcome.FAILED, errorCode, message, null, null, Map.of(),
                null);
    }

    public AuditEntry dryRun(boolean dry) {
        return new AuditEntry(context, action, dry, outcome, errorCode, message, userId, skuId, input, graphRequestId);
    }

    /** The user and the license acted on (either may be null). */
    public AuditEntry about(UUID user, UUID sku) {
        return new AuditEntry(context, action, dryRun, outcome, errorCode, message, user, sku, input, graphRequestId);
    }

    public AuditEntry withInput(Map<String, Object> asked) {
        return new AuditEntry(context, action, dryRun, outcome, errorCode, message, userId, skuId, asked, graphRequestId);
    }

    /** Microsoft Graph's request-id of the write (null when Graph was not asked). */
    public AuditEntry withGraphRequestId(String requestId) {
        return new AuditEntry(context, action, dryRun, outcome, errorCode, message, userId, skuId, input, requestId);
    }
}
