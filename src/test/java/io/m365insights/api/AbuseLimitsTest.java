package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized and over-deep requests are refused with a clear error before they cost anything. */
@QuarkusTest
class AbuseLimitsTest {

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ licenses { assignedUsers { nodes { licenses { license { assignedUsers { nodes { licenses "
                + "{ license { assignedUsers { nodes { licenses { license { skuId } } } } } } } } } } } } } }";
        JsonNode r = GraphQL.post(deep, Map.of());
        assertThat(r.get("errors").get(0).get("message").asText()).containsIgnoringCase("depth");
        assertThat(r.path("data").path("licenses").isMissingNode() || r.path("data").isNull()).isTrue();
    }

    @Test
    void tooComplexAQueryIsRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 320; i++) {
            q.append(" a").append(i).append(": licenses { skuId }");
        }
        JsonNode r = GraphQL.post(q.append(" }").toString(), Map.of());
        assertThat(r.get("errors").get(0).get("message").asText()).containsIgnoringCase("complexity");
    }

    @Test
    void tooManyTokensAreRefused() {
        StringBuilder q = new StringBuilder("{ licenses { ");
        for (int i = 0; i < 5100; i++) {
            q.append("skuId ");
        }
        JsonNode r = GraphQL.post(q.append("} }").toString(), Map.of());
        assertThat(r.get("errors").get(0).get("message").asText()).isEqualTo("Unparseable input document");
        assertThat(r.path("data").isMissingNode() || r.get("data").isNull()).isTrue();
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{ licenses { skuId } } #" + "x".repeat(300 * 1024);
        int status = GraphQL.request(GraphQL.adminToken()).body(Map.of("query", huge)).post("/graphql").statusCode();
        assertThat(status).isEqualTo(413);
    }

    @Test
    void browsersFromUnlistedOriginsGetNoCorsGrant() {
        var preflight = RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        var allowed = RestAssured.given().header("Origin", "https://dashboard.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://dashboard.example.com");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
                .containsIgnoringCase("content-type");
    }
}
