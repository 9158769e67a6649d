package io.m365insights.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.Metrics;
import io.m365insights.testsupport.SimulatorClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP with real tokens: a token's second request is answered from the verified-token cache (the metric says so)
 * with the same identity (roles, name), and nothing but the very token that quarkus-oidc verified is ever let in.
 */
@QuarkusTest
class VerifiedTokenCacheTest {
    private static final String QUERY = "{ licenses { skuPartNumber } }";
    private static final String MUTATION = "mutation { syncNow { alreadyRunning run { id } } }";
    private final SimulatorClient simulator = SimulatorClient.current();

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private double count(String result) {
        return Metrics.scrape(metrics.toString()).sum("m365_api_token_cache_total", "result", result);
    }

    @Test
    void aTokensSecondRequestIsServedFromTheCacheWithTheSameRoles() {
        String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
        double hits = count("hit");
        double misses = count("miss");
        assertThat(GraphQL.postAs(reader, QUERY, Map.of()).path("errors").isMissingNode()).isTrue();
        assertThat(count("miss")).isEqualTo(misses + 1);
        assertThat(count("hit")).isEqualTo(hits);

        assertThat(GraphQL.postAs(reader, QUERY, Map.of()).path("errors").isMissingNode()).isTrue();
        JsonNode denied = GraphQL.postAs(reader, MUTATION, Map.of()); // still a reader, not more
        assertThat(denied.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(denied.get("errors").get(0).get("message").asText()).contains(Roles.ADMIN).contains(Roles.READER);
        assertThat(count("hit")).isEqualTo(hits + 2);
        assertThat(count("miss")).isEqualTo(misses + 1);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
        assertThat(GraphQL.request(reader).body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(200);
        assertThat(GraphQL.request(reader).body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(200);

        String[] parts = reader.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertThat(GraphQL.request(badSignature).body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(401);
        assertThat(GraphQL.request(reader + "x").body(Map.of("query", QUERY)).post("/graphql").statusCode()).isEqualTo(401);
    }

    @Test
    void eachTokenKeepsItsOwnIdentity() {
        String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
        String nobody = simulator.apiToken("no.role@contoso.com");
        for (int i = 0; i < 2; i++) {
            assertThat(GraphQL.postAs(reader, QUERY, Map.of()).path("errors").isMissingNode()).isTrue();
            JsonNode denied = GraphQL.postAs(nobody, QUERY, Map.of());
            assertThat(denied.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(denied.get("errors").get(0).get("message").asText()).contains("no role");
        }
    }
}
