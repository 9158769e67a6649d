package io.m365insights.msgraph;

import io.m365insights.config.M365Config;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The one place every Microsoft Graph request goes through: it maps failures to {@link MsGraphException} and retries
 * the transient ones (429, 503, 504, network faults, an expired or revoked token) with SmallRye Fault Tolerance,
 * honouring {@code Retry-After} and otherwise backing off exponentially with jitter, up to a bound.
 */
@ApplicationScoped
public class MsGraphRequests {
    private static final Logger LOG = Logger.getLogger(MsGraphRequests.class);

    private final MsGraphTokenProvider tokens;
    private final Guard guard;

    @Inject
    public MsGraphRequests(MsGraphTokenProvider tokens, M365Config config, MsGraphMetrics metrics) {
        this.tokens = tokens;
        M365Config.Retry retry = config.retry();
        this.guard = Guard.create()
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS) // the backoff strategy adds its own jitter
                .whenException(e -> e instanceof MsGraphException m && m.isTransient())
                .beforeRetry(e -> {
                    LOG.debugf("Retrying after a transient fault: %s", e.getMessage());
                    metrics.retried(e);
                })
                .withCustomBackoff()
                .strategy(() -> new RecordedBackoff(new RetryBackoff(retry.initialDelay(), retry.maxDelay()), metrics))
                .done()
                .done()
                .build();
    }

    /** Runs one request (its retries included); throws {@link MsGraphException}. */
    public <T> T execute(String operation, Supplier<T> request) {
        Supplier<Object> attempt = () -> {
            try {
                return request.get();
            } catch (RuntimeException e) {
                if (!MsGraphErrors.isGraphFailure(e)) {
                    throw e; // our own failure (e.g. a report we cannot read): not a Graph fault, not retried
                }
                MsGraphException mapped = MsGraphErrors.map(operation, e);
                if (mapped.kind() == MsGraphErrorKind.UNAUTHENTICATED) {
                    tokens.invalidate();
                }
                throw mapped;
            }
        };
        @SuppressWarnings("unchecked")
        T result = (T) guard.get(attempt, Object.class);
        return result;
    }
}
