package io.m365insights.msgraph;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt: Microsoft Graph's {@code Retry-After} when it gave one (never less, plus up to 10%
 * jitter so replicas do not return in lockstep), otherwise exponential backoff with "equal jitter" (half fixed, half
 * random). Both capped at {@code maxDelay}.
 */
final class RetryBackoff implements CustomBackoffStrategy {
    private final long initialMillis;
    private final long maxMillis;
    private int attempt;

    RetryBackoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = max.toMillis();
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        attempt++;
        Duration retryAfter = cause instanceof MsGraphException e ? e.retryAfter().orElse(null) : null;
        return delayMillis(attempt, retryAfter, initialMillis, maxMillis, ThreadLocalRandom.current().nextDouble());
    }

    /** Pure arithmetic, for tests: {@code random} in [0, 1). */
    static long delayMillis(int attempt, Duration retryAfter, long initialMillis, long maxMillis, double random) {
        if (retryAfter != null) {
            long base = Math.max(0, retryAfter.toMillis() + (retryAfter.toNanosPart() % 1_000_000 > 0 ? 1 : 0));
            return Math.min(maxMillis, base + (long) (base * 0.1 * random));
        }
        long exp = initialMillis << Math.min(attempt - 1, 20);
        long capped = Math.min(maxMillis, exp);
        return capped / 2 + (long) (capped / 2.0 * random);
    }
}
