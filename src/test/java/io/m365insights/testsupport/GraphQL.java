package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts GraphQL operations to the running application over HTTP, with a real bearer token issued by the simulated
 * Entra ID (by default an admin's), and returns the JSON response.
 */
public final class GraphQL {
    private static String adminToken;
    /** The simulator that issued it: a test profile restarts the application with a new simulator (and issuer). */
    private static String adminTokenIssuer;

    private GraphQL() {
    }

    /** A token with both roles, minted once per simulator (once per test run, unless a test profile restarts). */
    public static synchronized String adminToken() {
        String issuer = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("m365.simulator.url", String.class);
        if (adminToken == null || !issuer.equals(adminTokenIssuer)) {
            adminToken = SimulatorClient.current().apiToken(ADMIN, Roles.READER, Roles.ADMIN);
            adminTokenIssuer = issuer;
        }
        return adminToken;
    }

    /** The principal name in {@link #adminToken()}: what the audit log records as the actor. */
    public static final String ADMIN = "ada.admin@contoso.com";

    /** The whole response ({@code data} and {@code errors}) as an admin; the HTTP status is not checked. */
    public static JsonNode post(String query, Map<String, Object> variables) {
        return postAs(adminToken(), query, variables);
    }

    /** The whole response with the given token (null: no Authorization header). */
    public static JsonNode postAs(String token, String query, Map<String, Object> variables) {
        String body = request(token).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().extract().asString();
        try {
            return SimulatorClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** A request to the API carrying the token (null: none). */
    public static RequestSpecification request(String token) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
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
