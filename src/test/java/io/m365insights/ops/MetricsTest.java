package io.m365insights.ops;

import io.m365insights.testsupport.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.Metrics;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Prometheus metrics move as syncs, Microsoft Graph requests and API calls happen. */
@QuarkusTest
class MetricsTest {
    private final SimulatorClient simulator = SimulatorClient.current();

    @jakarta.inject.Inject
    io.m365insights.testsupport.TestDatabase db;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @AfterEach
    void clear() {
        simulator.clearFaults();
    }

    private Metrics scrape() {
        return Metrics.scrape(metrics.toString());
    }

    @Test
    void aSyncCountsItsRunItsPartsAndTheRowsItWrote() {
        Syncs.syncNow(); // the tenant as generated is stored
        String id = simulator.users(u -> u.get("accountEnabled").asBoolean()).get(0).get("id").asText();
        simulator.patchUser(id, Map.of("department", "Metrics"));
        Metrics before = scrape();

        JsonNode run = Syncs.syncNow();
        Metrics after = scrape();

        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(delta(before, after, "m365_sync_runs_total", "trigger", "manual", "outcome", "succeeded")).isEqualTo(1);
        assertThat(delta(before, after, "m365_sync_runs_total", "outcome", "failed")).isZero();
        assertThat(delta(before, after, "m365_sync_run_duration_seconds_count", "outcome", "succeeded")).isEqualTo(1);
        for (String part : new String[]{"licenses", "users"}) {
            assertThat(delta(before, after, "m365_sync_part_duration_seconds_count", "part", part, "outcome", "succeeded"))
                    .as(part).isEqualTo(1);
        }
        assertThat(delta(before, after, "m365_sync_items_read_total", "part", "users"))
                .isEqualTo(Syncs.part(run, "USERS").get("itemsRead").asDouble());
        assertThat(delta(before, after, "m365_sync_rows_total", "part", "users", "change", "updated")).isEqualTo(1);
        assertThat(delta(before, after, "m365_sync_rows_total", "part", "users", "change", "created")).isZero();
        // Microsoft Graph requests by status: two pages of users (999 a page), three of sign-in activity (500 a
        // page), and the SKUs, all 200
        assertThat(delta(before, after, "m365_msgraph_requests_seconds_count", "status", "200", "uri", "users"))
                .isEqualTo(2 + 3);
        assertThat(delta(before, after, "m365_msgraph_requests_seconds_count", "status", "200", "uri", "subscribedSkus"))
                .isEqualTo(1);
        // when each part last succeeded, as the database says
        assertThat(after.value("m365_sync_last_success_timestamp_seconds", "part", "users"))
                .isCloseTo(TestClock.now().getEpochSecond(), within(120.0));
    }

    @Test
    void usageCoverageIsPublishedAfterASync() {
        Syncs.syncNow(); // 28 days of the window stored (the ledger keeps whatever earlier tests stored too)
        Metrics after = scrape();
        long stored = db.count("select count(*) from usage_report_day");
        assertThat(after.value("m365_usage_days_stored", "report", "getM365AppUserDetail")).isEqualTo(stored);
        assertThat(stored).isGreaterThanOrEqualTo(28);
        assertThat(after.value("m365_usage_days_missing", "report", "getM365AppUserDetail")).isZero();
    }

    @Test
    void aFailedPartIsCountedWithItsOutcome() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "status", 403));
        Metrics before = scrape();
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("PARTIAL");
        Metrics after = scrape();

        assertThat(delta(before, after, "m365_sync_runs_total", "outcome", "partial")).isEqualTo(1);
        assertThat(delta(before, after, "m365_sync_part_duration_seconds_count", "part", "licenses", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(delta(before, after, "m365_msgraph_requests_seconds_count", "status", "403", "uri", "subscribedSkus"))
                .isEqualTo(1);
        assertThat(delta(before, after, "m365_msgraph_retries_total")).as("403 is not retried").isZero();
    }

    @Test
    void throttlingIsCountedWithTheWaitsItCaused() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 2, "status", 429,
                "retryAfter", "0.25"));
        Metrics before = scrape();
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
        Metrics after = scrape();

        assertThat(delta(before, after, "m365_msgraph_requests_seconds_count", "status", "429")).isEqualTo(2);
        assertThat(delta(before, after, "m365_msgraph_retries_total", "kind", "throttled")).isEqualTo(2);
        assertThat(delta(before, after, "m365_msgraph_retry_wait_seconds_count", "kind", "throttled")).isEqualTo(2);
        assertThat(delta(before, after, "m365_msgraph_retry_wait_seconds_sum", "kind", "throttled"))
                .as("each wait honoured Retry-After: 0.25 s").isGreaterThanOrEqualTo(0.5);
    }

    /** Retried by OkHttp itself (a pooled connection) or by our retries (a new one): either way it is counted. */
    @Test
    void aDroppedConnectionIsCountedAsAnIoError() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 1,
                "kind", "DROP_CONNECTION"));
        Metrics before = scrape();
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
        Metrics after = scrape();

        assertThat(delta(before, after, "m365_msgraph_requests_seconds_count", "status", "IO_ERROR"))
                .as(after.describe("m365_msgraph_requests_seconds_count")).isEqualTo(1);
        assertThat(delta(before, after, "m365_msgraph_requests_seconds_count", "status", "200", "uri", "subscribedSkus"))
                .isEqualTo(1);
    }

    @Test
    void graphQLOperationsAreTimed() {
        Metrics before = scrape();
        GraphQL.data("{ licenses { skuPartNumber } }");
        Metrics after = scrape();
        assertThat(delta(before, after, "mp_graphql_seconds_count", "name", "licenses", "type", "query")).isEqualTo(1);
    }

    @Test
    void graphQLRequestsAreTimedByRootFieldNameNotAliasAndOnlyWhenTheyRan() {
        Metrics before = scrape();
        GraphQL.data("{ a: licenses { skuPartNumber } b: syncStatus { lastRun { id } } }");
        GraphQL.post("{ notAField }", java.util.Map.of());
        Metrics after = scrape();
        assertThat(delta(before, after, "mp_graphql_seconds_count", "name", "licenses")).isEqualTo(1);
        assertThat(delta(before, after, "mp_graphql_seconds_count", "name", "syncStatus")).isEqualTo(1);
        assertThat(delta(before, after, "mp_graphql_seconds_count", "name", "a")).isZero();
        assertThat(delta(before, after, "mp_graphql_seconds_count", "name", "notAField")).isZero();
    }

    @Test
    void metricsAreNotOnTheApiPort() {
        assertThat(RestAssured.get("/q/metrics").statusCode()).isEqualTo(404);
    }

    private static double delta(Metrics before, Metrics after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
