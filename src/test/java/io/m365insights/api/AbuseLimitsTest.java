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
        for (int i = 0; i < 2; i++) { // the second time from the parsed-document cache (QueryLimits): refused again
            JsonNode r = GraphQL.post(deep, Map.of());
            assertThat(r.get("errors").get(0).get("message").asText()).containsIgnoringCase("depth");
            assertThat(r.path("data").path("licenses").isMissingNode() || r.path("data").isNull()).isTrue();
        }
    }

    @Test
    void introspectionMayNestOfTypeButNotMultiplyTheSchema() {
        // GraphiQL's schema query nests ofType 9 deep: the depth limit is for data fields (GraphiQLRequestsTest)
        JsonNode ofTypes = GraphQL.post("{ __type(name: \"User\") { fields { type { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }", Map.of());
        assertThat(ofTypes.has("errors")).as("%s", ofTypes).isFalse();
        // a list of the schema inside itself multiplies the answer by the schema's size at every level
        JsonNode cycle = GraphQL.post("{ __schema { types { fields { type { fields { name } } } } } }", Map.of());
        assertThat(cycle.get("errors").get(0).get("message").asText()).contains("fields inside fields");
        assertThat(cycle.path("data").isMissingNode() || cycle.path("data").isNull()).isTrue();
        JsonNode fourLists = GraphQL.post("{ __schema { types { fields { args { type { enumValues { name } } } } } } }",
                Map.of());
        assertThat(fourLists.get("errors").get(0).get("message").asText()).contains("maximum introspection depth");
    }

    @Test
    void tooComplexAQueryIsRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 320; i++) {
            q.append(" a").append(i).append(": licenses { skuId }");
        }
        String query = q.append(" }").toString();
        for (int i = 0; i < 2; i++) { // the second time from the parsed-document cache (QueryLimits): refused again
            JsonNode r = GraphQL.post(query, Map.of());
            assertThat(r.get("errors").get(0).get("message").asText()).containsIgnoringCase("complexity");
        }
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
