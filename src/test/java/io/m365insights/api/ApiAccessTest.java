package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API needs a valid Entra ID token; queries need the reader role, mutations the admin role. Real tokens. */
@QuarkusTest
class ApiAccessTest {
    private static final String QUERY = "{ licenses { skuPartNumber } }";
    private static final String MUTATION = "mutation { syncNow { alreadyRunning run { id } } }";
    private final SimulatorClient simulator = SimulatorClient.current();

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        assertThat(GraphQL.request(null).body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(401);
        assertThat(GraphQL.request("not-a-jwt").body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(401);
        String otherAudience = simulator.send("POST", "/_simulator/api-tokens",
                Map.of("roles", java.util.List.of(Roles.ADMIN), "audience", "some-other-api")).get("access_token").asText();
        assertThat(GraphQL.request(otherAudience).body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(401);
        assertThat(GraphQL.request(null).get("/graphql/schema.graphql").statusCode()).isEqualTo(401);
    }

    @Test
    void aReaderQueriesButCannotMutateAndNothingHappens() {
        String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
        JsonNode read = GraphQL.postAs(reader, QUERY, Map.of());
        assertThat(read.path("errors").isMissingNode()).isTrue();
        assertThat(read.get("data").get("licenses")).isNotNull();

        simulator.clearRequests();
        int runsBefore = GraphQL.data("{ syncStatus { recentRuns { id } } }").get("syncStatus").get("recentRuns").size();
        JsonNode denied = GraphQL.postAs(reader, MUTATION, Map.of());
        assertThat(denied.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(denied.get("errors").get(0).get("message").asText()).contains(Roles.ADMIN);
        assertThat(denied.path("data").path("syncNow").isMissingNode() || denied.path("data").path("syncNow").isNull()).isTrue();
        assertThat(simulator.requests(null, null)).isEmpty(); // no sync reached Microsoft Graph
        assertThat(GraphQL.data("{ syncStatus { recentRuns { id } } }").get("syncStatus").get("recentRuns").size())
                .isEqualTo(runsBefore);
    }

    @Test
    void aTokenWithoutRolesCanDoNothing() {
        String nobody = simulator.apiToken("no.role@contoso.com");
        JsonNode denied = GraphQL.postAs(nobody, QUERY, Map.of());
        assertThat(denied.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(denied.get("errors").get(0).get("message").asText()).contains("no role");
    }

    @Test
    void anAdminMayMutate() {
        String admin = simulator.apiToken("ada.admin@contoso.com", Roles.ADMIN);
        JsonNode ok = GraphQL.postAs(admin, "mutation { syncNow(input: {wait: true}) { run { status } } }", Map.of());
        assertThat(ok.path("errors").isMissingNode()).as("%s", ok).isTrue();
        assertThat(ok.get("data").get("syncNow").get("run").get("status").asText()).isIn("SUCCEEDED", "PARTIAL", "FAILED");
        // admin implies reader
        assertThat(GraphQL.postAs(admin, QUERY, Map.of()).path("errors").isMissingNode()).isTrue();
    }

    /** {@code <management interface>/q/health} (the management root path already ends in /q). */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    /** Probes need no token; they are on the management port, not on the API's. */
    @Test
    void healthStaysOpen() {
        assertThat(RestAssured.get(health + "/live").statusCode()).isEqualTo(200);
        assertThat(RestAssured.get(health + "/ready").statusCode()).isEqualTo(200);
        assertThat(RestAssured.get("/q/health/live").statusCode()).isEqualTo(404);
    }
}
