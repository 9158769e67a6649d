package io.m365insights.ops;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension point usage analytics plugs into: what a source reports becomes the gauges, per report. */
class UsageCoverageMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<UsageCoverage> reported = new ArrayList<>();
    private boolean failing;
    private final UsageCoverageSource source = () -> {
        if (failing) {
            throw new IllegalStateException("database unreachable");
        }
        return List.copyOf(reported);
    };

    @Test
    void publishesDaysStoredAndMissingPerReport() {
        UsageCoverageMetrics metrics = new UsageCoverageMetrics(List.of(source), registry);
        reported.add(new UsageCoverage("teams", 27, 1));
        reported.add(new UsageCoverage("email", 28, 0));
        metrics.refresh();

        assertThat(gauge("m365.usage.days.stored", "teams")).isEqualTo(27);
        assertThat(gauge("m365.usage.days.missing", "teams")).isEqualTo(1);
        assertThat(gauge("m365.usage.days.stored", "email")).isEqualTo(28);
    }

    @Test
    void aRefreshReplacesTheValuesAndAFailingSourceKeepsTheLastOnes() {
        UsageCoverageMetrics metrics = new UsageCoverageMetrics(List.of(source), registry);
        reported.add(new UsageCoverage("teams", 27, 1));
        metrics.refresh();
        reported.set(0, new UsageCoverage("teams", 28, 0));
        metrics.refresh();
        assertThat(gauge("m365.usage.days.missing", "teams")).isZero();

        failing = true;
        metrics.refresh();
        assertThat(gauge("m365.usage.days.stored", "teams")).isEqualTo(28);
    }

    @Test
    void withoutASourceThereAreNoUsageGauges() {
        new UsageCoverageMetrics(List.of(), registry).refresh();
        assertThat(registry.find("m365.usage.days.stored").gauges()).isEmpty();
    }

    private double gauge(String name, String report) {
        return registry.get(name).tag("report", report).gauge().value();
    }
}
