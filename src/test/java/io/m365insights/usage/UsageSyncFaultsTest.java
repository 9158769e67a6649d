package io.m365insights.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.m365insights.testsupport.UsageExpectations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Throttling, days Microsoft no longer serves, truncated files, days completed later, history beyond the window. */
@QuarkusTest
class UsageSyncFaultsTest {
    @Inject
    TestDatabase db;

    @Inject
    UsageDayStore store;

    @Inject
    AgroalDataSource dataSource;

    private final SimulatorClient simulator = SimulatorClient.current();
    private final LocalDate last = TestClock.latestReportDay();
    private final LocalDate first = last.minusDays(27);

    @BeforeEach
    void reset() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
    }

    @AfterEach
    void backToToday() {
        TestClock.setOffsetDays(0);
        simulator.reset();
    }

    @Test
    void aBackfillAgainstMicrosoftsThrottlingLimitGetsNo429() {
        // the simulator enforces 14 requests per (compressed) 1 s window, as the app is configured to pace in tests
        simulator.reports(Map.of("throttle", Map.of("enforced", true, "limit", 14, "windowMillis", 1000)));
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "USAGE").get("status").asText()).isEqualTo("SUCCEEDED");
        List<JsonNode> reports = reportRequests();
        assertThat(reports).hasSize(28);
        assertThat(reports).extracting(r -> r.get("status").asInt()).containsOnly(302);
        assertThat(db.count("select count(*) from usage_report_day")).isEqualTo(28);
    }

    @Test
    void a429ThatStillComesIsHonoured() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/reports/.*", "skip", 3, "times", 1,
                "status", 429, "retryAfter", "0.3"));
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "USAGE").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(reportRequests()).extracting(r -> r.get("status").asInt()).containsOnlyOnce(429).hasSize(29);
        simulator.clearFaults();
    }

    @Test
    void aDayMicrosoftRefusesAsTooOldIsNotAFailure() {
        simulator.reports(Map.of("clockOffsetDays", 1)); // Microsoft is a day further: our oldest day is too old
        JsonNode run = Syncs.syncNow();
        JsonNode usage = Syncs.part(run, "USAGE");
        assertThat(usage.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(usage.get("detail").asText()).contains("1 days too old for Microsoft").contains(first.toString());
        assertThat(db.count("select count(*) from usage_report_day")).isEqualTo(27);
        assertThat(GraphQL.data("{ syncStatus { usage { missingDays } } }").get("syncStatus").get("usage")
                .get("missingDays").get(0).asText()).isEqualTo(first.toString());
    }

    @Test
    void aTruncatedReportFailsThatDayOnlyAndStoresNothingOfIt() {
        LocalDate broken = first.plusDays(10);
        simulator.reports(Map.of("truncatedDates", List.of(broken.toString())));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        JsonNode usage = Syncs.part(run, "USAGE");
        assertThat(usage.get("status").asText()).isEqualTo("FAILED");
        assertThat(usage.get("detail").asText()).contains(broken.toString()).contains("could not be read");
        assertThat(db.count("select count(*) from usage_report_day")).isEqualTo(27);
        assertThat(db.count("select count(*) from usage_report_day where report_date = '" + broken + "'")).isZero();
        int bit = 1 << (broken.getDayOfMonth() - 1);
        assertThat(db.count("select count(*) from usage_month where month = '" + broken.withDayOfMonth(1)
                + "' and present & " + bit + " <> 0")).isZero();

        simulator.reports(Map.of("truncatedDates", List.of()));
        JsonNode again = Syncs.syncNow();
        assertThat(Syncs.part(again, "USAGE").get("created").asInt()).isEqualTo(1); // the missing day, and only it
        assertThat(db.count("select count(*) from usage_report_day")).isEqualTo(28);
    }

    @Test
    void theLatestDayIsFetchedAgainUntilMicrosoftCompletedIt() {
        Syncs.syncNow();
        long before = db.count("select row_count from usage_report_day where report_date = '" + last + "'");
        // a day later, Microsoft has completed that day
        TestClock.setOffsetDays(1);
        simulator.reports(Map.of("clockOffsetDays", 1));
        Syncs.syncNow();
        long after = db.count("select row_count from usage_report_day where report_date = '" + last + "'");
        assertThat(after).isGreaterThan(before);
        UsageExpectations raw = new UsageExpectations();
        raw.addDay(simulator.usage(last));
        JsonNode point = GraphQL.data("query($d: Date!) { usage(from: $d, to: $d, apps: [SUITE]) { activeUsers } }",
                Map.of("d", last.toString())).get("usage").get(0);
        assertThat(point.get("activeUsers").asInt()).isEqualTo(raw.expected(last, last, "DAY", "SUITE", null).get(last));
    }

    @Test
    void historyOutlivesMicrosoftsWindow() {
        Syncs.syncNow();
        TestClock.setOffsetDays(10);
        simulator.reports(Map.of("clockOffsetDays", 10));
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "USAGE").get("created").asInt()).isEqualTo(10);
        JsonNode usage = GraphQL.data("{ syncStatus { usage { firstDay lastDay daysStored missingDays } } }")
                .get("syncStatus").get("usage");
        assertThat(usage.get("daysStored").asInt()).isEqualTo(38);
        assertThat(usage.get("firstDay").asText()).isEqualTo(first.toString()); // older than Microsoft keeps
        assertThat(usage.get("lastDay").asText()).isEqualTo(last.plusDays(10).toString());
        assertThat(usage.get("missingDays")).isEmpty();
        assertThat(GraphQL.data("query($d: Date!) { usage(from: $d, to: $d, apps: [SUITE]) { activeUsers } }",
                Map.of("d", first.toString())).get("usage")).hasSize(1);
    }

    @Test
    void retentionDropsOnlyDaysOlderThanItKeeps() throws Exception {
        Syncs.syncNow();
        LocalDate keepFrom = first.plusDays(5);
        try (Connection c = dataSource.getConnection()) {
            assertThat(store.applyRetention(c, keepFrom)).isEqualTo(5);
        }
        JsonNode usage = GraphQL.data("{ syncStatus { usage { firstDay daysStored } } }").get("syncStatus").get("usage");
        assertThat(usage.get("firstDay").asText()).isEqualTo(keepFrom.toString());
        assertThat(usage.get("daysStored").asInt()).isEqualTo(23);
        assertThat(db.count("select count(*) from usage_daily where report_date < '" + keepFrom + "'")).isZero();
        // no bit of a dropped day is left in the ledger
        for (LocalDate d = first; d.isBefore(keepFrom); d = d.plusDays(1)) {
            int bit = 1 << (d.getDayOfMonth() - 1);
            assertThat(db.count("select count(*) from usage_month where month = '" + d.withDayOfMonth(1)
                    + "' and (present | outlook | teams) & " + bit + " <> 0")).as("bits of %s", d).isZero();
        }
        assertThat(GraphQL.data("query($d: Date!) { usage(from: $d, to: $d) { activeUsers } }",
                Map.of("d", keepFrom.toString())).get("usage")).isNotEmpty();
    }

    private List<JsonNode> reportRequests() {
        return simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("getM365AppUserDetail")).toList();
    }
}
