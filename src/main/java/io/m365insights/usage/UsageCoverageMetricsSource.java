package io.m365insights.usage;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import io.m365insights.config.M365Config;
import io.m365insights.ops.UsageCoverage;
import io.m365insights.ops.UsageCoverageSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Usage coverage for the metrics ({@code m365_usage_days_stored}, {@code m365_usage_days_missing}): days stored in
 * all, and days of the current window without data. Plain JDBC: it runs on the metrics' own threads.
 */
@ApplicationScoped
public class UsageCoverageMetricsSource implements UsageCoverageSource {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    M365Config config;

    @Inject
    Clock clock;

    @Override
    public List<UsageCoverage> coverage() throws Exception {
        UsageSync.Window window = UsageSync.window(LocalDate.now(clock), config.usage());
        int windowDays = config.usage().lookbackDays();
        return Jdbc.withConnection(dataSource, "read the usage coverage", c -> Jdbc.queryOne(c, "select count(*), "
                + "count(*) filter (where report_date between ? and ?) from usage_report_day",
                rs -> List.of(new UsageCoverage(UsageSync.REPORT, rs.getInt(1), windowDays - rs.getInt(2))),
                window.first(), window.last()));
    }
}
