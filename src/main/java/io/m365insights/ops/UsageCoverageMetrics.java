package io.m365insights.ops;

import io.m365insights.sync.SyncRunFinished;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what every {@link UsageCoverageSource} reports as the gauges {@code m365_usage_days_stored{report}} and
 * {@code m365_usage_days_missing{report}}: refreshed after each sync run this replica ran and every five minutes on
 * every replica (so all replicas converge on what the database holds; a scrape never waits for a query).
 */
@ApplicationScoped
public class UsageCoverageMetrics {
    private static final Logger LOG = Logger.getLogger(UsageCoverageMetrics.class);

    private final Iterable<UsageCoverageSource> sources;
    private final MultiGauge stored;
    private final MultiGauge missing;

    @Inject
    public UsageCoverageMetrics(Instance<UsageCoverageSource> sources, MeterRegistry registry) {
        this((Iterable<UsageCoverageSource>) sources, registry);
    }

    UsageCoverageMetrics(Iterable<UsageCoverageSource> sources, MeterRegistry registry) {
        this.sources = sources;
        this.stored = MultiGauge.builder("m365.usage.days.stored")
                .description("Days of usage data stored, per usage report").register(registry);
        this.missing = MultiGauge.builder("m365.usage.days.missing")
                .description("Days missing from the stored usage history, per usage report").register(registry);
    }

    /** Never throws: other observers of the run (automation) must still run. */
    void afterSync(@Observes SyncRunFinished run) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Usage coverage metrics not refreshed after sync run %d: %s", run.runId(), e.getMessage());
        }
    }

    @Scheduled(identity = "m365-usage-coverage-metrics", every = "5m", delayed = "10s")
    void periodically() {
        refresh();
    }

    /** Re-reads every source; a failing source keeps its last values and is logged. */
    public synchronized void refresh() {
        List<MultiGauge.Row<?>> storedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> missingRows = new ArrayList<>();
        for (UsageCoverageSource source : sources) {
            try {
                for (UsageCoverage c : source.coverage()) {
                    storedRows.add(MultiGauge.Row.of(Tags.of("report", c.report()), c.daysStored()));
                    missingRows.add(MultiGauge.Row.of(Tags.of("report", c.report()), c.daysMissing()));
                }
            } catch (Exception e) {
                LOG.warnf("Usage coverage metrics not refreshed: %s", e.getMessage());
                return;
            }
        }
        stored.register(storedRows, true);
        missing.register(missingRows, true);
    }
}
