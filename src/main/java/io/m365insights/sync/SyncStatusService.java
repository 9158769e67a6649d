package io.m365insights.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the recorded sync runs for the API. */
@ApplicationScoped
public class SyncStatusService {
    @Inject
    SyncLock lock;

    @Inject
    SyncService sync;

    public record RunWithParts(SyncRunEntity run, List<SyncRunPartEntity> parts) {
    }

    /**
     * The run in progress. A RUNNING run whose replica died (nobody holds the sync lock) is not running: it is marked
     * FAILED now, before anything is read, rather than at the next sync, so status never shows a dead run as running.
     */
    public Optional<RunWithParts> running() {
        if (SyncRunEntity.count("status", SyncRunStatus.RUNNING) == 0) {
            return Optional.empty();
        }
        if (!lockHeld()) {
            sync.recoverAbandoned();
        }
        return first("status = ?1 order by id desc", SyncRunStatus.RUNNING);
    }

    /**
     * Whether a sync is running now on any replica: the sync lock is held. A run holds it from before its RUNNING row
     * is written until after its follow-ups (reporting decisions, automation, metrics) end, and no other run can start
     * until then, so all of that counts as running ({@link #running()} already turned a RUNNING run without the lock
     * into FAILED).
     */
    public boolean syncing() {
        return lockHeld();
    }

    private boolean lockHeld() {
        try {
            return lock.isHeld();
        } catch (SQLException e) {
            throw new SyncException("Could not read the sync lock: the database is unreachable", e);
        }
    }

    // Runs in the order they were started: by id (one sequence for every replica), not by started_at, which follows the
    // clock of whichever replica started the run and may be set back (m365.clock.start, tests travelling in time).
    public Optional<RunWithParts> last() {
        return first("order by id desc");
    }

    public Optional<RunWithParts> lastSuccessful() {
        return first("status = ?1 order by id desc", SyncRunStatus.SUCCEEDED);
    }

    public Optional<RunWithParts> byId(long id) {
        return Optional.ofNullable(SyncRunEntity.<SyncRunEntity>findById(id)).map(r -> withParts(List.of(r)).get(0));
    }

    public List<RunWithParts> recent(int limit) {
        List<SyncRunEntity> runs = SyncRunEntity.<SyncRunEntity>find("order by id desc")
                .page(0, limit).list();
        return withParts(runs);
    }

    private Optional<RunWithParts> first(String query, Object... params) {
        List<SyncRunEntity> runs = SyncRunEntity.<SyncRunEntity>find(query, params).page(0, 1).list();
        return runs.isEmpty() ? Optional.empty() : Optional.of(withParts(runs).get(0));
    }

    private static List<RunWithParts> withParts(List<SyncRunEntity> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Long> ids = runs.stream().map(r -> r.id).toList();
        Map<Long, List<SyncRunPartEntity>> parts = SyncRunPartEntity.<SyncRunPartEntity>find(
                        "key.runId in ?1 order by key.runId, startedAt", ids).list().stream()
                .collect(Collectors.groupingBy(p -> p.key.runId()));
        return runs.stream().map(r -> new RunWithParts(r, parts.getOrDefault(r.id, List.of()))).toList();
    }
}
