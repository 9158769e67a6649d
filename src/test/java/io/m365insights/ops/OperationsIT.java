package io.m365insights.ops;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.m365insights.deploy.Manifests;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.Metrics;
import io.m365insights.testsupport.PackagedApp;
import io.m365insights.testsupport.ProductionRunSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application as Kubernetes and Prometheus see it: the probes of k8s/base answer on the management
 * interface, the metrics are there, and neither is on the API port.
 */
@QuarkusIntegrationTest
@WithTestResource(ProductionRunSettings.class)
class OperationsIT {
    private String management;

    @BeforeEach
    void managementInterface() {
        management = PackagedApp.managementUrl();
    }

    @Test
    void theDeploymentsProbesAnswerUp() {
        Container container = Manifests.baseContainer();
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            String path = probe.getHttpGet().getPath();
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                    assertThat(RestAssured.get(management + path).statusCode()).as(path).isEqualTo(200));
        }
        assertThat(RestAssured.get(management + "/q/health/ready").jsonPath().getList("checks.name"))
                .contains(SchemaMigratedCheck.NAME);
        assertThat(RestAssured.get("/q/health/live").statusCode()).as("not on the API port").isEqualTo(404);
    }

    @Test
    void prometheusFindsTheSyncMicrosoftGraphAndApiMetrics() {
        await().atMost(Duration.ofMinutes(3)).until(() ->
                Metrics.scrape(management + "/q/metrics").sum("m365_sync_runs_total", "trigger", "startup") > 0);
        GraphQL.data("{ licenses { skuPartNumber } }");
        Metrics m = Metrics.scrape(management + "/q/metrics");
        assertThat(m.sum("m365_sync_runs_total", "trigger", "startup", "outcome", "succeeded")).isEqualTo(1);
        assertThat(m.sum("m365_msgraph_requests_seconds_count", "status", "200")).isPositive();
        assertThat(m.value("m365_sync_last_success_timestamp_seconds", "part", "users")).isPositive();
        assertThat(m.sum("mp_graphql_seconds_count", "name", "licenses")).isPositive();
        assertThat(m.has("jvm_memory_used_bytes") || m.has("process_cpu_usage")).isTrue();
        assertThat(RestAssured.get("/q/metrics").statusCode()).as("not on the API port").isEqualTo(404);
    }

    @Test
    void theDataIsReportedFreshAfterTheStartupSync() {
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                assertThat(RestAssured.get(management + "/q/health/well").statusCode()).isEqualTo(200));
    }
}
