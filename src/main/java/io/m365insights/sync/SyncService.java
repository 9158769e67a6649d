package io.m365insights.sync;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs syncs: takes the cross-replica lock, records the run, runs each {@link SyncStep} in order (a failed step does
 * not stop the others, and leaves its data as it was), and records the outcome: SUCCEEDED, PARTIAL or FAILED.
 */
@ApplicationScoped
public class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class);

    private final SyncLock lock;
    private final SyncRunRecorder recorder;
    private final List<SyncStep> steps;
    private final Event<SyncRunFinished> finished;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "m365-sync");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public SyncService(SyncLock lock, SyncRunRecorder recorder, Instance<SyncStep> steps, Event<SyncRunFinished> finished) {
        this.lock = lock;
        this.recorder = recorder;
        this.finished = finished;
        List<SyncStep> ordered = new ArrayList<>();
        steps.forEach(ordered::add);
        ordered.sort(Comparator.comparing(SyncStep::part));
        this.steps = List.copyOf(ordered);
    }

    /** The result of asking for a sync: the run that was started, or the fact that one is already running. */
    public record Started(Optional<Long> runId, boolean alreadyRunning, Future<SyncRunStatus> completion) {
    }

    /** Starts a run in the background; returns at once with its id (the run is recorded before this returns). */
    public Started start(SyncTrigger trigger) {
        Optional<Connection> held = acquire();
        if (held.isEmpty()) {
            return new Started(Optional.empty(), true, null);
        }
        Connection c = held.get();
        long runId = begin(c, trigger);
        Future<SyncRunStatus> completion;
        try {
            completion = background.submit(() -> execute(c, runId, trigger));
        } catch (RejectedExecutionException e) { // shutting down: the lock must not stay with a pooled connection
            lock.release(c);
            throw new SyncException("The service is shutting down; no sync was started", e);
        }
        return new Started(Optional.of(runId), false, completion);
    }

    /** Runs a sync on the calling thread; empty when another run holds the lock. */
    public Optional<SyncRunStatus> runNow(SyncTrigger trigger) {
        Optional<Connection> held = acquire();
        if (held.isEmpty()) {
            LOG.info("Sync skipped: another sync is already running (on this or another replica)");
            return Optional.empty();
        }
        Connection c = held.get();
        return Optional.of(execute(c, begin(c, trigger), trigger));
    }

    /**
     * Marks runs left RUNNING by a replica that died as FAILED, if no sync holds the lock (otherwise it is not known
     * which RUNNING run is alive, and the next run does it anyway). Takes the lock for a moment: a sync asked for in
     * that moment reports "already running".
     */
    public int recoverAbandoned() {
        Optional<Connection> held = acquire();
        if (held.isEmpty()) {
            return 0;
        }
        try {
            return failAbandoned(held.get());
        } catch (SQLException e) {
            throw new SyncException("Could not mark abandoned sync runs", e);
        } finally {
            lock.release(held.get());
        }
    }

    private Optional<Connection> acquire() {
        try {
            return lock.tryAcquire();
        } catch (SQLException e) {
            throw new SyncException("Could not take the sync lock: the database is unreachable", e);
        }
    }

    private int failAbandoned(Connection c) throws SQLException {
        int abandoned = recorder.failAbandoned(c);
        if (abandoned > 0) {
            LOG.warnf("Marked %d abandoned sync run(s) as FAILED (their replica stopped mid-run)", abandoned);
        }
        return abandoned;
    }

    /** Records a new run on the lock's connection; when that fails, the lock is released. */
    private long begin(Connection c, SyncTrigger trigger) {
        try {
            failAbandoned(c);
            return recorder.start(c, trigger);
        } catch (SQLException | RuntimeException e) {
            lock.release(c);
            throw new SyncException("Could not record a new sync run", e);
        }
    }

    private SyncRunStatus execute(Connection c, long runId, SyncTrigger trigger) {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        Map<SyncPartName, SyncRunFinished.Part> parts = new EnumMap<>(SyncPartName.class);
        StringBuilder summary = new StringBuilder();
        try {
            for (SyncStep step : steps) {
                SyncStep.Outcome outcome = null;
                SyncRunStatus status = SyncRunStatus.SUCCEEDED;
                String detail;
                long partStarted = System.nanoTime();
                recorder.startPart(c, runId, step.part());
                try {
                    outcome = step.run(new SyncStep.Context(runId, c));
                    detail = outcome.detail();
                    if (outcome.partial()) {
                        status = SyncRunStatus.PARTIAL;
                        partial.add(step.part() + ": " + detail);
                    }
                } catch (Exception e) {
                    status = SyncRunStatus.FAILED;
                    detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    failures.add(step.part() + ": " + detail);
                    LOG.warnf("Sync run %d: %s failed: %s", runId, step.part(), detail);
                    LOG.debug("Sync step failure", e);
                }
                recorder.finishPart(c, runId, step.part(), status, outcome, detail);
                parts.put(step.part(), new SyncRunFinished.Part(status, outcome, detail,
                        Duration.ofNanos(System.nanoTime() - partStarted)));
                summary.append(' ').append(step.part().name().toLowerCase()).append('=').append(status.name().toLowerCase());
                if (outcome != null) {
                    summary.append(String.format("(read %d, +%d ~%d -%d)", outcome.read(), outcome.created(),
                            outcome.updated(), outcome.deleted()));
                }
            }
            SyncRunStatus result = failures.isEmpty() && partial.isEmpty() ? SyncRunStatus.SUCCEEDED
                    : failures.size() == steps.size() ? SyncRunStatus.FAILED : SyncRunStatus.PARTIAL;
            List<String> problems = new ArrayList<>(failures);
            problems.addAll(partial);
            recorder.finish(c, runId, result, problems.isEmpty() ? null : String.join("; ", problems));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.infof("Sync run %d (%s) %s in %d ms:%s", runId, trigger.name().toLowerCase(), result, took.toMillis(),
                    summary);
            notifyFinished(new SyncRunFinished(runId, trigger, result, took, parts));
            return result;
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Sync run %d could not be recorded (its database session may be lost, and the sync lock with "
                    + "it; the run is marked FAILED by the next run or status query): %s", runId, e.getMessage());
            try {
                recorder.finish(c, runId, SyncRunStatus.FAILED, "sync bookkeeping failed: " + e.getMessage());
            } catch (SQLException ignored) {
                // the database is gone; the next run marks this one as abandoned
            }
            return SyncRunStatus.FAILED;
        } finally {
            lock.release(c);
        }
    }

    /** Observers run while the lock is held; a failing observer is logged and does not change the run's outcome. */
    private void notifyFinished(SyncRunFinished event) {
        try {
            finished.fire(event);
        } catch (RuntimeException e) {
            LOG.errorf("After sync run %d: %s", event.runId(), e.getMessage());
            LOG.debug("Observer failure", e);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
