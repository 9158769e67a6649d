package io.m365insights.actions;

import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditEntry;
import io.m365insights.audit.AuditLog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One audited license step: every way it ends appends exactly one audit event and gives the outcome. */
final class AuditedStep {
    private final AuditLog audit;
    private final AuditContext ctx;
    private final AuditAction action;
    private final boolean dryRun;
    private final UUID userId;
    private final UUID skuId;
    private final Map<String, Object> input;
    /** Groups through which the user holds the license, once known. */
    List<UUID> groups = List.of();

    AuditedStep(AuditLog audit, AuditContext ctx, AuditAction action, boolean dryRun, UUID userId, UUID skuId,
                Map<String, Object> input) {
        this.audit = audit;
        this.ctx = ctx;
        this.action = action;
        this.dryRun = dryRun;
        this.userId = userId;
        this.skuId = skuId;
        this.input = input;
    }

    /** Refused before Microsoft Graph was asked. */
    LicenseChange refused(ActionError error) {
        return failed(error, null);
    }

    LicenseChange failed(ActionError error, String requestId) {
        long id = audit.append(entry(AuditEntry.failed(ctx, action, error.code().name(), error.message()), requestId));
        return new LicenseChange(userId, skuId, dryRun, false, groups, error.message(), id, error);
    }

    /** Done (or, on a dry run, would be done). Joins the caller's transaction, if any. */
    LicenseChange succeeded(String summary, String requestId) {
        long id = audit.append(entry(AuditEntry.succeeded(ctx, action, summary), requestId));
        return new LicenseChange(userId, skuId, dryRun, !dryRun, groups, summary, id, null);
    }

    private AuditEntry entry(AuditEntry outcome, String requestId) {
        return outcome.dryRun(dryRun).about(userId, skuId).withInput(input).withGraphRequestId(requestId);
    }
}
