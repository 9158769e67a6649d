package io.m365insights.testsupport;

import io.m365insights.sync.SyncRunFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A follow-up of every sync run (an observer of {@link SyncRunFinished}, as the reporting decisions and automation
 * are) that a test can hold shut: while armed, the run that reaches it waits there, with its outcome recorded and the
 * sync lock still held, until the test opens it. Unarmed (the default) it does nothing.
 */
@ApplicationScoped
public class FollowUpGate {
    private volatile CountDownLatch reached;
    private volatile CountDownLatch open;

    /** The next run to finish waits here until {@link #open()}. */
    public void arm() {
        reached = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    /** Waits until a run has reached the gate; false after a minute without one. */
    public boolean awaitReached() throws InterruptedException {
        return reached.await(1, TimeUnit.MINUTES);
    }

    public void open() {
        CountDownLatch gate = open;
        open = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    void afterSync(@Observes SyncRunFinished run) {
        CountDownLatch gate = open;
        if (gate != null) {
            reached.countDown();
            try {
                gate.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
