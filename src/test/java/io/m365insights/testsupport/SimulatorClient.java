package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Drives the Microsoft Graph simulator through its control API, over HTTP, like an admin changing the tenant. */
public final class SimulatorClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;

    private SimulatorClient(String base) {
        this.base = base;
    }

    /**
     * The simulator the running test application is pointed at: from the application's configuration in a
     * {@code @QuarkusTest}; from {@link TestServices}, which started it in this JVM, when the application runs packaged
     * in its own process ({@code *IT}).
     */
    public static SimulatorClient current() {
        return new SimulatorClient(ConfigProvider.getConfig().getOptionalValue("m365.simulator.url", String.class)
                .orElseGet(() -> java.util.Objects.requireNonNull(TestServices.simulatorUrl, "no simulator started")));
    }

    public void reset(long seed, int users) {
        send("POST", "/_simulator/reset", Map.of("seed", seed, "users", users));
    }

    public void reset() {
        reset(TestServices.SEED, TestServices.USERS);
    }

    /** The tenant's raw data: users with their assignments, SKUs with seat counts, groups. */
    public JsonNode tenant() {
        return send("GET", "/_simulator/tenant", null);
    }

    public List<JsonNode> users(Predicate<JsonNode> filter) {
        return StreamSupport.stream(tenant().get("users").spliterator(), false).filter(filter).toList();
    }

    public void patchUser(String id, Map<String, Object> changes) {
        send("PATCH", "/_simulator/users/" + id, changes);
    }

    public void deleteUser(String id) {
        send("DELETE", "/_simulator/users/" + id, null);
    }

    public void changeLicenses(String id, List<Map<String, Object>> add, List<Map<String, Object>> remove) {
        send("POST", "/_simulator/users/" + id + "/licenses", Map.of("add", add, "remove", remove));
    }

    public void addFault(Map<String, Object> rule) {
        send("POST", "/_simulator/faults", rule);
    }

    public void clearFaults() {
        send("DELETE", "/_simulator/faults", null);
    }

    /** A signed access token for our API, as Entra ID would issue it, with these app roles. */
    public String apiToken(String upn, String... roles) {
        return send("POST", "/_simulator/api-tokens", Map.of("upn", upn, "roles", List.of(roles)))
                .get("access_token").asText();
    }

    /** Report behaviour: concealed names, missing permission, throttling, clock, truncated downloads. */
    public void reports(Map<String, Object> settings) {
        send("PATCH", "/_simulator/reports", settings);
    }

    /** The rows of a day's usage report as the simulator would serve them now. */
    public JsonNode usage(java.time.LocalDate date) {
        return send("GET", "/_simulator/usage?date=" + date, null);
    }

    /** Sign-in and activity report behaviour: missing permission or P1, throttling, reports not served. */
    public void activity(Map<String, Object> settings) {
        send("PATCH", "/_simulator/activity", settings);
    }

    /** Per user what the activity sources say: active user detail of {@code date}, Copilot, sign-ins as of today. */
    public JsonNode activityRaw(java.time.LocalDate date) {
        return send("GET", "/_simulator/activity?date=" + date, null);
    }

    public void revokeTokens() {
        send("POST", "/_simulator/tokens/revoke", null);
    }

    /** Every Graph token issued so far is expired now: Graph answers 401 "Lifetime validation failed". */
    public void expireTokens() {
        send("POST", "/_simulator/tokens/expire", null);
    }

    /** Serve pages of at most this many users, whatever {@code $top} asks (until the next reset). */
    public void maxPageSize(int size) {
        send("POST", "/_simulator/paging", Map.of("maxPageSize", size));
    }

    /** Requests to the token endpoint since the last reset or clear, oldest first. */
    public List<JsonNode> tokenRequests() {
        return requests("POST", null).stream().filter(r -> r.get("path").asText().endsWith("/oauth2/v2.0/token"))
                .toList();
    }

    /** Requests the simulator received since the last reset or clear, oldest first. */
    public List<JsonNode> requests(String method, String path) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : send("GET", "/_simulator/requests", null)) {
            if ((method == null || r.get("method").asText().equals(method))
                    && (path == null || r.get("path").asText().equals(path))) {
                out.add(r);
            }
        }
        return out;
    }

    public void clearRequests() {
        send("DELETE", "/_simulator/requests", null);
    }

    public JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path));
            if (body != null) {
                rb.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                rb.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
