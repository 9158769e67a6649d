package io.m365insights.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint follows the GraphQL-over-HTTP specification: each MUST of graphql-http's server audit (ids in the test
 * names; graphql-schema/graphql-over-http-audit.md has the full run) and the SHOULDs we chose, with exact headers.
 */
@QuarkusTest
class GraphQLOverHttpTest {
    private static final String JSON = "application/json";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/graphql")
    URI endpoint;

    record Reply(int status, String contentType, String allow, JsonNode body) {
        boolean hasErrors() {
            return body.has("errors");
        }
    }

    // ---- MUST (graphql-http audit ids) ----

    @Test
    void mustAcceptApplicationJsonAndAnswerInIt_4655_2C94_03D4_78D5() {
        Reply r = post(JSON, JSON, "{\"query\":\"{ __typename }\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(JSON);
        assertThat(r.body().at("/data/__typename").asText()).isEqualTo("Query");
    }

    @Test
    void mustRespondInUtf8AndAcceptUtf8Requests_82A3_BF61() {
        Reply r = post(JSON + "; charset=utf-8", JSON,
                "{\"query\":\"{ __type(name: \\\"Run🏃Swim🏊\\\") { name } }\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).containsIgnoringCase("charset=utf-8");
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void mustAllowAStringQueryAndOperationName_13EE_B8B3() {
        assertThat(post(JSON, JSON, "{\"query\":\"{ __typename }\"}").hasErrors()).isFalse();
        Reply named = post(JSON, JSON, "{\"operationName\":\"Query\",\"query\":\"query Query { __typename }\"}");
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.hasErrors()).isFalse();
    }

    @ParameterizedTest(name = "null {0}")
    @ValueSource(strings = {"variables", "operationName", "extensions"})
    void mustAllowNullOptionalParameters_0220_0221_0222(String parameter) {
        Reply r = post(JSON, JSON, "{\"query\":\"{ __typename }\",\"" + parameter + "\":null}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void mustAllowMapVariablesAndExtensions_28B9_1B7A() {
        Reply variables = post(JSON, JSON, "{\"query\":\"query Type($name: String!) { __type(name: $name) { name } }\","
                + "\"variables\":{\"name\":\"sometype\"}}");
        assertThat(variables.status()).isEqualTo(200);
        assertThat(variables.hasErrors()).isFalse();
        Reply extensions = post(JSON, JSON, "{\"query\":\"{ __typename }\",\"extensions\":{\"some\":\"value\"}}");
        assertThat(extensions.status()).isEqualTo(200);
        assertThat(extensions.hasErrors()).isFalse();
    }

    @Test
    void getMustNotRunAMutation405AndNothingHappens() {
        SimulatorClient simulator = SimulatorClient.current();
        simulator.clearRequests();
        int runsBefore = recentRuns();
        Reply r = get(GRAPHQL_RESPONSE, Map.of("query", "mutation { syncNow { alreadyRunning } }"));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.allow()).isEqualTo("POST");
        // named among several operations too
        Reply named = get(JSON, Map.of("query", "query A { __typename } mutation B { syncNow { alreadyRunning } }",
                "operationName", "B"));
        assertThat(named.status()).isEqualTo(405);
        assertThat(recentRuns()).isEqualTo(runsBefore);
        assertThat(simulator.requests(null, null)).isEmpty();
    }

    // ---- SHOULD and MAY that we follow ----

    @Test
    void getRunsQueriesWithOperationNameAndVariables_5A70_D6D5_6A70() {
        Reply plain = get(null, Map.of("query", "{ __typename }"));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body().at("/data/__typename").asText()).isEqualTo("Query");
        Reply named = get(GRAPHQL_RESPONSE, Map.of(
                "query", "query A { a: __typename } mutation B { syncNow { alreadyRunning } }", "operationName", "A"));
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.body().at("/data/a").asText()).isEqualTo("Query");
        Reply variables = get(JSON, Map.of("query", "query Type($name: String!) { __type(name: $name) { name } }",
                "variables", "{\"name\":\"User\"}"));
        assertThat(variables.body().at("/data/__type/name").asText()).isEqualTo("User");
        // '+', '%' and a comment ending at a line break survive URL decoding exactly once
        Reply literal = get(JSON, Map.of("query", "# users named like a+b%20\n{ users(filter: {search: \"a+b%20\"}) "
                + "{ totalCount } }"));
        assertThat(literal.hasErrors()).as("%s", literal.body()).isFalse();
    }

    @Test
    void graphqlResponseJsonIsServedWhenAskedOrWhenNoAcceptIsSent_22EB() {
        assertThat(post(JSON, GRAPHQL_RESPONSE, "{\"query\":\"{ __typename }\"}").contentType())
                .startsWith(GRAPHQL_RESPONSE);
        assertThat(post(JSON, null, "{\"query\":\"{ __typename }\"}").contentType()).startsWith(GRAPHQL_RESPONSE);
        assertThat(post(JSON, "*/*", "{\"query\":\"{ __typename }\"}").contentType()).startsWith(JSON);
        Reply preferred = post(JSON, JSON + ";q=0.5, " + GRAPHQL_RESPONSE, "{\"query\":\"{ __typename }\"}");
        assertThat(preferred.contentType()).startsWith(GRAPHQL_RESPONSE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{", "{ 8f31403dfe404bccbb0e835f2629c6a7 }", "query CoerceFailure($id: ID!) { __typename }"})
    void aRequestThatCannotBeExecutedIs400WithGraphqlResponseJsonAnd200WithJson_556A_74FF_86EE_572B_FDE2_7B9B(
            String query) {
        String body = "{\"query\":\"" + query + "\",\"variables\":{\"id\":null}}";
        Reply modern = post(JSON, GRAPHQL_RESPONSE, body);
        assertThat(modern.status()).isEqualTo(400);
        assertThat(modern.contentType()).startsWith(GRAPHQL_RESPONSE);
        assertThat(modern.body().has("data")).isFalse();
        assertThat(modern.body().get("errors")).isNotEmpty();
        Reply legacy = post(JSON, JSON, body);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body().get("errors")).isNotEmpty();
    }

    @Test
    void fieldErrorsKeepStatus200EvenWithGraphqlResponseJson() {
        String reader = SimulatorClient.current().apiToken("rita.reader@contoso.com",
                io.m365insights.api.access.Roles.READER);
        Reply r = send(HttpRequest.newBuilder(endpoint).header("Content-Type", JSON).header("Accept", GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + reader)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"mutation { syncNow { alreadyRunning } }\"}")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().has("data")).isTrue();
        assertThat(r.body().at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ \"not a JSON", "[]", "{\"qeury\":\"{ __typename }\"}", "{\"query\":{\"obj\":\"ect\"}}",
            "{\"query\":0}", "{\"query\":\"{ __typename }\",\"operationName\":false}",
            "{\"query\":\"{ __typename }\",\"variables\":\"string\"}", "{\"query\":\"{ __typename }\",\"variables\":[7]}",
            "{\"query\":\"{ __typename }\",\"extensions\":0}", ""})
    void aRequestThatIsNotWellFormedIs400WhateverTheMediaType_BCF8_B7N8_423L_LKJ_6C0_476_58B_3E3A_A5BF(String body) {
        for (String accept : List.of(JSON, GRAPHQL_RESPONSE)) {
            Reply r = post(JSON, accept, body);
            assertThat(r.status()).as("%s with %s", body, accept).isEqualTo(400);
            assertThat(r.body().at("/errors/0/extensions/code").asText()).isEqualTo("BAD_REQUEST");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/graphql", "application/json; charset=iso-8859-1"})
    void otherRequestMediaTypesAre415_9ABE(String contentType) {
        Reply r = post(contentType.isEmpty() ? null : contentType, JSON, "{\"query\":\"{ __typename }\"}");
        assertThat(r.status()).as(contentType).isEqualTo(415);
    }

    @Test
    void anUnacceptableResponseTypeIs406AndOtherMethods405() {
        assertThat(post(JSON, "text/html", "{\"query\":\"{ __typename }\"}").status()).isEqualTo(406);
        Reply put = send(HttpRequest.newBuilder(endpoint).header("Content-Type", JSON)
                .header("Authorization", "Bearer " + GraphQL.adminToken())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.allow()).isEqualTo("GET, POST, OPTIONS");
    }

    @Test
    void withoutATokenEveryMethodIs401() {
        Reply post = send(HttpRequest.newBuilder(endpoint).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
        assertThat(post.status()).isEqualTo(401);
        Reply get = send(HttpRequest.newBuilder(URI.create(endpoint + "?query=%7B__typename%7D")).GET());
        assertThat(get.status()).isEqualTo(401);
    }

    private int recentRuns() {
        return GraphQL.data("{ syncStatus { recentRuns { id } } }").at("/syncStatus/recentRuns").size();
    }

    private Reply post(String contentType, String accept, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + GraphQL.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    private Reply get(String accept, Map<String, String> params) {
        List<String> query = new ArrayList<>();
        params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + "?" + String.join("&", query)))
                .header("Authorization", "Bearer " + GraphQL.adminToken()).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body().isEmpty() ? SimulatorClient.object() : SimulatorClient.JSON.readTree(r.body());
            return new Reply(r.statusCode(), r.headers().firstValue("content-type").orElse(""),
                    r.headers().firstValue("allow").orElse(null), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
