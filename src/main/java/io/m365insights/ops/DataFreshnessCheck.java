package io.m365insights.ops;

import io.m365insights.config.M365Config;
import io.m365insights.sync.SyncFreshness;
import io.m365insights.sync.SyncPartName;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Is the data fresh? DOWN when a sync part's last successful run finished longer ago than
 * {@code m365.health.max-data-age} (or never did). A wellness check ({@code /q/health/well}): it is reported to
 * monitoring but is no liveness or readiness check, so stale data never restarts the pod or takes it out of the
 * Service — the API keeps serving the last good data, and a restart would not make Microsoft Graph answer.
 */
@Wellness
@ApplicationScoped
public class DataFreshnessCheck implements HealthCheck {
    static final String NAME = "data-freshness";

    private final SyncFreshness freshness;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    public DataFreshnessCheck(SyncFreshness freshness, M365Config config, Clock clock) {
        this.freshness = freshness;
        this.clock = clock;
        this.maxAge = config.health().maxDataAge();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return assess(freshness.lastSucceeded(), maxAge, clock.instant());
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", "cannot read the sync runs: " + e.getMessage()).build();
        }
    }

    /** Pure: the response for these last successes at {@code now}. */
    static HealthCheckResponse assess(Map<SyncPartName, Optional<Instant>> lastSucceeded, Duration maxAge, Instant now) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("maxAge", maxAge.toString());
        List<String> stale = new ArrayList<>();
        lastSucceeded.forEach((part, at) -> {
            String name = part.name().toLowerCase();
            response.withData(name + ".lastSucceeded", at.map(Instant::toString).orElse("never"));
            if (at.isEmpty() || Duration.between(at.get(), now).compareTo(maxAge) > 0) {
                stale.add(name);
            }
        });
        if (stale.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("stale", String.join(",", stale)).build();
    }
}
