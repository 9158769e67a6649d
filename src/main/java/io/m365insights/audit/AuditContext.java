package io.m365insights.audit;

import java.util.UUID;

/**
 * On whose behalf an action runs, and which audit events belong together: one mutation call, or one policy run after a
 * sync (then with that run's id).
 */
public record AuditContext(Actor actor, UUID correlationId, Long syncRunId) {

    /** A new context for one mutation call. */
    public static AuditContext of(Actor actor) {
        return new AuditContext(actor, UUID.randomUUID(), null);
    }

    /** A new context for what a policy does after sync run {@code runId}. */
    public static AuditContext afterSync(Actor policy, long runId) {
        return new AuditContext(policy, UUID.randomUUID(), runId);
    }
}
