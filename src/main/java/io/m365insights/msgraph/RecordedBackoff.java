package io.m365insights.msgraph;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/** A backoff strategy that reports each wait it decides to {@link MsGraphMetrics}. */
final class RecordedBackoff implements CustomBackoffStrategy {
    private final CustomBackoffStrategy delegate;
    private final MsGraphMetrics metrics;

    RecordedBackoff(CustomBackoffStrategy delegate, MsGraphMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void init(long initialDelayInMillis) {
        delegate.init(initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long delay = delegate.nextDelayInMillis(cause);
        metrics.waited(cause, delay);
        return delay;
    }
}
