package io.m365insights.ops;

import io.m365insights.sync.SyncFreshness;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncRunFinished;
import io.m365insights.sync.SyncStep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Prometheus metrics of sync runs, recorded by the replica that ran each run (sum them across replicas):
 * <ul>
 * <li>{@code m365_sync_runs_total{trigger,outcome}} and {@code m365_sync_run_duration_seconds{outcome}}</li>
 * <li>{@code m365_sync_part_duration_seconds{part,outcome}}: duration and outcome per part</li>
 * <li>{@code m365_sync_items_read_total{part}}: items read from Microsoft Graph;
 * {@code m365_sync_rows_total{part,change}}: rows created, updated and deleted</li>
 * <li>{@code m365_sync_last_success_timestamp_seconds{part}}: when the part last succeeded, read from the database,
 * so every replica reports the same (alert on {@code time() - m365_sync_last_success_timestamp_seconds})</li>
 * </ul>
 */
@ApplicationScoped
public class SyncMetrics {
    private static final Logger LOG = Logger.getLogger(SyncMetrics.class);

    private final MeterRegistry registry;
    private final SyncFreshness freshness;

    @Inject
    public SyncMetrics(MeterRegistry registry, SyncFreshness freshness) {
        this.registry = registry;
        this.freshness = freshness;
    }

    void registerGauges(@Observes StartupEvent event) {
        for (SyncPartName part : freshness.parts()) {
            Gauge.builder("m365.sync.last.success.timestamp", freshness, f -> lastSuccessSeconds(f, part))
                    .description("When this sync part last finished successfully (Unix time; NaN: never)")
                    .baseUnit("seconds").tag("part", label(part)).register(registry);
        }
    }

    /** Observes every finished run; never throws (other observers, e.g. automation, must still run). */
    void onRunFinished(@Observes SyncRunFinished run) {
        try {
            record(run);
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the metrics of sync run %d: %s", run.runId(), e.getMessage());
        }
    }

    private void record(SyncRunFinished run) {
        String outcome = label(run.status());
        registry.counter("m365.sync.runs", "trigger", label(run.trigger()), "outcome", outcome).increment();
        Timer.builder("m365.sync.run.duration").description("Duration of sync runs").tag("outcome", outcome)
                .register(registry).record(run.duration());
        run.parts().forEach((part, result) -> {
            String p = label(part);
            Timer.builder("m365.sync.part.duration").description("Duration of each part of a sync run")
                    .tag("part", p).tag("outcome", label(result.status())).register(registry).record(result.duration());
            SyncStep.Outcome o = result.outcome();
            if (o != null) {
                registry.counter("m365.sync.items.read", "part", p).increment(o.read());
                registry.counter("m365.sync.rows", "part", p, "change", "created").increment(o.created());
                registry.counter("m365.sync.rows", "part", p, "change", "updated").increment(o.updated());
                registry.counter("m365.sync.rows", "part", p, "change", "deleted").increment(o.deleted());
            }
        });
    }

    private static double lastSuccessSeconds(SyncFreshness freshness, SyncPartName part) {
        try {
            return freshness.lastSucceeded().getOrDefault(part, Optional.empty())
                    .map(Instant::getEpochSecond).map(Long::doubleValue).orElse(Double.NaN);
        } catch (Exception e) {
            return Double.NaN; // the database is unreachable: readiness reports it
        }
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase();
    }
}
