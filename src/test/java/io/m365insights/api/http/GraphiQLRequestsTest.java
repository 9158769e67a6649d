package io.m365insights.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365insights.testsupport.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests GraphiQL's page sends, replayed with its exact headers (captured from Chromium: src/test/resources/
 * graphiql): the schema queries that fill its explorer, and a query sent with the Run button. Both once failed in a
 * browser — the repeated Content-Type was refused (415) and the schema query exceeded the depth limit — while curl and
 * the other tests passed.
 */
@QuarkusTest
class GraphiQLRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONTENT_TYPE = "application/json, application/json";

    @TestHTTPResource("/graphql")
    URI endpoint;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"introspection-1.json", "introspection-2.json"})
    void theSchemaQueriesOfGraphiQLAnswerTheSchema(String file) throws Exception {
        HttpResponse<String> r = post(resource(file), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("errors")).as(r.body()).isFalse();
        assertThat(body.at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
        assertThat(body.at("/data/__schema/mutationType/name").asText()).isEqualTo("Mutation");
        assertThat(body.at("/data/__schema/types").findValuesAsText("name")).contains("User", "License", "UsagePoint");
    }

    @Test
    void aQueryRunFromGraphiQLAnswers() throws Exception {
        String run = JSON.writeValueAsString(Map.of("query", "{ syncStatus { running } licenses { skuPartNumber total } }"));
        HttpResponse<String> r = post(run, "application/json, multipart/mixed, application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("errors")).as(r.body()).isFalse();
        assertThat(body.at("/data/syncStatus/running").isBoolean()).as(r.body()).isTrue();
        assertThat(body.at("/data/licenses").isArray()).isTrue();
    }

    private HttpResponse<String> post(String body, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("Content-Type", CONTENT_TYPE).header("Accept", accept)
                .header("Authorization", "Bearer " + GraphQL.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GraphiQLRequestsTest.class.getResourceAsStream("/graphiql/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
