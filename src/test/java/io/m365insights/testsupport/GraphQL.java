package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts GraphQL operations to the running application over HTTP and returns the JSON response. */
public final class GraphQL {
    private GraphQL() {
    }

    /** The whole response ({@code data} and {@code errors}); the HTTP status is not checked. */
    public static JsonNode post(String query, Map<String, Object> variables) {
        String body = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().extract().asString();
        try {
            return SimulatorClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** The {@code data} of a response that must have no errors. */
    public static JsonNode data(String query, Map<String, Object> variables) {
        JsonNode response = post(query, variables);
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty())
                .as("GraphQL errors: %s", response.path("errors")).isTrue();
        return response.get("data");
    }

    public static JsonNode data(String query) {
        return data(query, Map.of());
    }
}
