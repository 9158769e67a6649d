package io.m365insights.sync;

import java.sql.Connection;

/**
 * One part of a sync run (licenses, users, ...). A step fetches everything first and applies it in one transaction,
 * so when it throws, the database holds exactly what it held before the step.
 */
public interface SyncStep {

    SyncPartName part();

    Outcome run(Context context) throws Exception;

    /** The run's id and its dedicated connection (which holds the cross-replica sync lock). */
    record Context(long runId, Connection connection) {
    }

    /**
     * What a step did: rows read from Microsoft Graph, rows created/updated/deleted here, and a short note.
     * {@code partial}: the step kept what it could but something is missing (e.g. a permission), said in the detail;
     * the part is PARTIAL.
     */
    record Outcome(int read, int created, int updated, int deleted, String detail, boolean partial) {
        public Outcome(int read, int created, int updated, int deleted, String detail) {
            this(read, created, updated, deleted, detail, false);
        }
    }
}
