package io.m365insights.msgraph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Transient Microsoft Graph faults are retried as Graph asks; permanent ones are not. Over real HTTP. */
@QuarkusTest
class MsGraphResilienceTest {
    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @AfterEach
    void clear() {
        simulator.clearFaults();
    }

    @Test
    void throttlingIsRetriedAfterTheFractionalRetryAfter() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 2, "status", 429,
                "retryAfter", "0.4"));
        long started = System.nanoTime();
        JsonNode run = Syncs.syncNow();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        var calls = simulator.requests("GET", "/v1.0/subscribedSkus");
        assertThat(calls).extracting(c -> c.get("status").asInt()).containsExactly(429, 429, 200);
        assertThat(elapsedMs).as("waited Retry-After twice").isGreaterThanOrEqualTo(800);
    }

    @Test
    void unavailableAndGatewayTimeoutAreRetried() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/users", "skip", 1, "times", 1, "status", 503));
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 1, "status", 504));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        // the users listing (the sign-in pass lists /users with $select=id,signInActivity after it)
        assertThat(simulator.requests("GET", "/v1.0/users").stream()
                .filter(c -> !c.get("query").path("$select").asText().contains("signInActivity")))
                .extracting(c -> c.get("status").asInt()).containsExactly(200, 503, 200);
    }

    @Test
    void aDroppedConnectionIsRetried() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 1,
                "kind", "DROP_CONNECTION"));
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).hasSize(2);
    }

    @Test
    void aMissingPermissionIsNotRetriedAndSaysWhat() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "status", 403));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(Syncs.part(run, "LICENSES").get("detail").asText())
                .contains("403").contains("Authorization_RequestDenied");
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).hasSize(1);
    }

    @Test
    void aTokenRevokedMidRunIsReplacedAndTheRunSucceeds() {
        Syncs.syncNow(); // a token is cached now
        simulator.clearRequests();
        simulator.revokeTokens();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests("POST", null).stream()
                .filter(r -> r.get("path").asText().endsWith("/oauth2/v2.0/token"))).hasSize(1);
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).extracting(c -> c.get("status").asInt())
                .containsExactly(401, 200);
    }

    @Test
    void aTimeoutIsRetried() {
        // the test profile's read timeout is 3 s: this answer comes too late, so the client gives up and asks again
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 1,
                "kind", "DELAY", "delayMillis", 3_500));
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).hasSize(2);
    }

    @Test
    void aTokenThatExpiredMidRunIsRenewedAndTheRunSucceeds() {
        Syncs.syncNow(); // a token is cached now, believed valid for an hour
        simulator.clearRequests();
        simulator.expireTokens();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(simulator.tokenRequests()).hasSize(1);
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).extracting(c -> c.get("status").asInt())
                .containsExactly(401, 200);
    }

    @Test
    void transientTokenEndpointFaultsAreRetried() {
        simulator.expireTokens();
        simulator.clearRequests();
        simulator.addFault(Map.of("method", "POST", "pathRegex", ".*/oauth2/v2\\.0/token", "mode", "SEQUENCE",
                "faults", List.of(Map.of("status", 503), Map.of("kind", "DROP_CONNECTION"),
                        Map.of("status", 429, "retryAfter", "0.2"), Map.of("kind", "DELAY", "delayMillis", 3_500))));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        // 503, dropped, 429, late (answered after the client gave up, or still sleeping: -1), then a token
        List<Integer> statuses = simulator.tokenRequests().stream().map(c -> c.get("status").asInt()).toList();
        assertThat(statuses).hasSize(5).startsWith(503, 0, 429).endsWith(200);
        assertThat(statuses.get(3)).isIn(200, -1);
    }

    @Test
    void aRefusedClientSecretIsNotRetriedAndSaysWhatToCheck() {
        simulator.expireTokens();
        simulator.clearRequests();
        simulator.addFault(Map.of("method", "POST", "pathRegex", ".*/oauth2/v2\\.0/token", "status", 401));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("invalid_client").contains("M365_CLIENT_SECRET");
        long refusedParts = 0;
        for (JsonNode part : run.get("parts")) {
            if (part.get("detail").asText().contains("invalid_client")) {
                refusedParts++;
            }
        }
        // one token request per part that needed Microsoft Graph, none retried
        assertThat(refusedParts).isPositive();
        assertThat(simulator.tokenRequests()).hasSize((int) refusedParts);
    }

    @Test
    void aBadRequestIsNotRetried() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "status", 400,
                "code", "Request_BadRequest"));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(Syncs.part(run, "LICENSES").get("detail").asText()).contains("400").contains("Request_BadRequest");
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).hasSize(1);
    }
}
