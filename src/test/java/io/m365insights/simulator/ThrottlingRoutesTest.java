package io.m365insights.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365insights.simulator.http.GraphSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each throttling budget of CONTRACT.md §1.1 and §10 (the Apps report, the active user detail report, the Copilot
 * usage report: per report function; the sign-in listing) admits its limit within the window, answers the next
 * request 429 with Retry-After, and counts requests and 429s apart ({@code GET /_simulator/throttling}), which the
 * benchmarks read. The windows are far longer than the test, so no request leaves one while it runs.
 */
class ThrottlingRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 1_234;
    private static final long WINDOW = 3_600_000;
    private static GraphSimulator sim;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSimulator.start(SimulatorOptions.defaults().withUsers(USERS).withClientSecret("s3cret"));
        token = SimulatorTokens.appToken(sim, "s3cret");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void freshTenant() {
        sim.reset(42, USERS);
    }

    @Test
    void eachBudgetAdmitsItsLimitThenAnswers429AndCountsApart() throws Exception {
        String throttle = "{\"enforced\": true, \"limit\": 2, \"windowMillis\": " + WINDOW + "}";
        control("PATCH", "/_simulator/reports", "{\"throttle\": " + throttle + "}");
        LocalDate today = LocalDate.parse(JSON.readTree(control("PATCH", "/_simulator/activity",
                "{\"signIns\": {\"throttle\": " + throttle + "}, \"activeUserReport\": {\"throttle\": " + throttle
                        + "}, \"copilotReport\": {\"throttle\": " + throttle + "}}").body()).get("today").asText());
        String day = today.minusDays(2).toString();
        String signIns = "/users?" + enc("$select") + "=" + enc("id,signInActivity") + "&" + enc("$top") + "=500";

        // three requests on each budget: two admitted, the third refused
        for (String path : new String[]{"/reports/getM365AppUserDetail(date=" + day + ")",
                "/reports/getOffice365ActiveUserDetail(date=" + day + ")",
                "/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')", signIns}) {
            assertThat(get(path).statusCode()).as(path).isNotEqualTo(429);
            assertThat(get(path).statusCode()).as(path).isNotEqualTo(429);
            HttpResponse<String> refused = get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("TooManyRequests");
        }
        // a users listing without signInActivity is not on the sign-in budget
        assertThat(get("/users?" + enc("$select") + "=id").statusCode()).isEqualTo(200);

        JsonNode stats = JSON.readTree(control("GET", "/_simulator/throttling", null).body());
        for (String budget : new String[]{"appsReport", "activeUserReport", "copilotReport", "signIns"}) {
            assertThat(stats.at("/" + budget + "/enforced").asBoolean()).as(budget).isTrue();
            assertThat(stats.at("/" + budget + "/limit").asInt()).as(budget).isEqualTo(2);
            assertThat(stats.at("/" + budget + "/requests").asInt()).as(budget).isEqualTo(3);
            assertThat(stats.at("/" + budget + "/throttled").asInt()).as(budget).isEqualTo(1);
        }
        assertThat(stats.at("/signIns/pageSize").asInt()).isEqualTo(500);
        assertThat(stats.at("/signIns/directoryUsers").asInt()).isEqualTo(USERS);
    }

    @Test
    void theDefaultsAreMicrosoftsLimitsAndAResetClearsTheCounts() throws Exception {
        control("PATCH", "/_simulator/activity", "{\"signIns\": {\"throttle\": {\"enforced\": true}}}");
        get("/users?" + enc("$select") + "=" + enc("id,signInActivity"));
        assertThat(JSON.readTree(control("GET", "/_simulator/throttling", null).body()).at("/signIns/requests").asInt())
                .isEqualTo(1);
        sim.reset(42, USERS);
        JsonNode stats = JSON.readTree(control("GET", "/_simulator/throttling", null).body());
        // CONTRACT.md §1.1: 14 per 10 minutes per report function; §10.3: 10 a minute for the sign-in listing
        for (String report : new String[]{"appsReport", "activeUserReport", "copilotReport"}) {
            assertThat(stats.at("/" + report + "/limit").asInt()).isEqualTo(14);
            assertThat(stats.at("/" + report + "/windowMillis").asLong()).isEqualTo(600_000);
        }
        assertThat(stats.at("/signIns/limit").asInt()).isEqualTo(10);
        assertThat(stats.at("/signIns/windowMillis").asLong()).isEqualTo(60_000);
        assertThat(stats.at("/signIns/requests").asInt()).isZero();
        assertThat(stats.at("/signIns/enforced").asBoolean()).isFalse();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.graphBaseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> control(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.origin() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
