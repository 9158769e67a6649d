package io.m365insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.PackagedApp;
import io.m365insights.testsupport.ProductionRunSettings;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application (the jar; the native executable when built with {@code -Dnative}) in the production
 * profile, against an embedded PostgreSQL and the Microsoft Graph simulator: it syncs at startup, serves the main
 * queries with real tokens, and carries nothing of dev mode.
 */
@QuarkusIntegrationTest
@WithTestResource(ProductionRunSettings.class)
class PackagedAppIT {
    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void startupSyncFinished() {
        // synced once, and no run still going (on a loaded machine a run another test started may still be)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode status = GraphQL.data("{ syncStatus { running lastSuccessfulRun { id } } }").get("syncStatus");
            return !status.get("lastSuccessfulRun").isNull() && !status.get("running").asBoolean();
        });
    }

    @Test
    void syncsAtStartupAndOnDemand() {
        JsonNode status = GraphQL.data("{ syncStatus { lastSuccessfulRun { trigger status parts { part status } } "
                + "recentRuns { trigger } } }").get("syncStatus");
        assertThat(status.get("recentRuns")).extracting(r -> r.get("trigger").asText()).contains("STARTUP");

        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(Syncs.part(run, "USERS").get("itemsRead").asInt()).isEqualTo(TestServices.USERS);
        assertThat(Syncs.part(run, "LICENSES").get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void servesTheMainQueries() {
        JsonNode tenant = simulator.tenant();
        JsonNode users = GraphQL.data("{ users(first: 3, orderBy: {field: DISPLAY_NAME, direction: ASC}) "
                + "{ totalCount pageInfo { hasNextPage } nodes { id userPrincipalName displayName } } }").get("users");
        assertThat(users.get("totalCount").asInt()).isEqualTo(tenant.get("users").size());
        assertThat(users.get("nodes")).hasSize(3);
        assertThat(users.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();

        JsonNode someone = tenant.get("users").get(7);
        JsonNode user = GraphQL.data("query($upn: String) { user(userPrincipalName: $upn) { id displayName "
                        + "licenses { direct license { skuPartNumber } } } }",
                Map.of("upn", someone.get("userPrincipalName").asText())).get("user");
        assertThat(user.get("id").asText()).isEqualTo(someone.get("id").asText());
        assertThat(user.get("displayName").asText()).isEqualTo(someone.get("displayName").asText());
        assertThat(user.get("licenses")).hasSize(someone.get("assignments").size());

        JsonNode licenses = GraphQL.data("{ licenses { skuPartNumber total assigned } }").get("licenses");
        assertThat(licenses).hasSize(tenant.get("skus").size());
        assertThat(licenses).allSatisfy(l -> assertThat(l.get("total").asInt()).isNotNegative());
    }

    @Test
    void theApiRequiresAToken() {
        assertThat(GraphQL.request(null).body(Map.of("query", "{ licenses { skuPartNumber } }")).post("/graphql")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theProductionBuildHasNoGraphiQLAndStartsNoSimulator() {
        assertThat(RestAssured.get("/q/graphql-ui/").statusCode()).isEqualTo(404);
        assertThat(RestAssured.get(PackagedApp.managementUrl() + "/q/graphql-ui/").statusCode()).isEqualTo(404);
        assertThat(RestAssured.get("/q/dev-ui/").statusCode()).isEqualTo(404);
        List<String> log = PackagedApp.logLines();
        assertThat(log).anyMatch(l -> l.contains("Profile prod activated"));
        assertThat(log).noneMatch(l -> l.contains("Dev mode:")); // dev mode's stand-ins announce themselves so
        // it synced from the simulator this test started, the only one there is
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).isNotEmpty();
    }

    @Test
    void logsAreJsonWithOneSummaryLinePerSyncRun() throws Exception {
        long runId = Syncs.syncNow().get("id").asLong();
        List<JsonNode> summaries = PackagedApp.logLines().stream().filter(l -> l.startsWith("{"))
                .map(PackagedAppIT::json).filter(j -> j.path("message").asText().startsWith("Sync run " + runId + " "))
                .toList();
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.get("message").asText()).contains("SUCCEEDED").contains("users=succeeded")
                    .contains("licenses=succeeded");
            assertThat(s.get("level").asText()).isEqualTo("INFO");
            assertThat(s.get("loggerName").asText()).isEqualTo("io.m365insights.sync.SyncService");
        });
    }

    private static JsonNode json(String line) {
        try {
            return SimulatorClient.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
