package io.m365insights.sync;

import java.time.Duration;
import java.util.Map;

/**
 * A CDI event fired (synchronously) when a sync run has finished and been recorded, while the run still holds the
 * cross-replica sync lock: observers (automation, metrics) run once per run across all replicas.
 *
 * @param parts the outcome of each part that ran; a failed part has status FAILED and a null outcome
 */
public record SyncRunFinished(long runId, SyncTrigger trigger, SyncRunStatus status, Duration duration,
                              Map<SyncPartName, Part> parts) {

    public record Part(SyncRunStatus status, SyncStep.Outcome outcome, String detail, Duration duration) {
    }

    public boolean succeeded(SyncPartName part) {
        Part p = parts.get(part);
        return p != null && p.status() == SyncRunStatus.SUCCEEDED;
    }
}
