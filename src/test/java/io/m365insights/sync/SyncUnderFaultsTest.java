package io.m365insights.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.m365insights.testsupport.DirectorySnapshot;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync that meets Microsoft Graph's transient faults (random but seeded, on every Graph endpoint and the token
 * endpoint) ends with exactly the data of a fault-free sync; a permanent fault ends the run FAILED or PARTIAL, says
 * why, and loses nothing. Pages of 100 users make ~20 requests per sync, so faults meet every stage of the listing.
 */
@QuarkusTest
class SyncUnderFaultsTest {
    private static final String E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    private static final String POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    private static final String GRAPH = "/v1\\.0/.*";
    private static final String TOKEN = ".*/oauth2/v2\\.0/token";
    /** Every transient fault kind: throttling with and without Retry-After, outages, a dropped connection, an
     *  expired token, and an answer that comes after the read timeout (3 s in tests). */
    private static final List<Map<String, Object>> TRANSIENT_GRAPH_FAULTS = List.of(
            Map.of("status", 429, "retryAfter", "0.05"), Map.of("status", 429), Map.of("status", 503),
            Map.of("status", 504), Map.of("kind", "DROP_CONNECTION"), Map.of("status", 401),
            Map.of("kind", "DELAY", "delayMillis", 3_500));
    private static final List<Map<String, Object>> TRANSIENT_TOKEN_FAULTS = List.of(
            Map.of("status", 429, "retryAfter", "0.05"), Map.of("status", 503), Map.of("status", 500),
            Map.of("kind", "DROP_CONNECTION"), Map.of("kind", "DELAY", "delayMillis", 3_500));

    private final SimulatorClient simulator = SimulatorClient.current();

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void startFromTheSyncedTenant() {
        simulator.reset();
        simulator.maxPageSize(100);
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @AfterEach
    void leaveNoFaults() {
        simulator.reset();
    }

    @Test
    void underThirtyPercentTransientFaultsTheDatabaseEndsExactlyAsAfterAFaultFreeSync() {
        changeTheTenant();
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
        List<String> faultFree = DirectorySnapshot.of(db);

        // the same starting point again, the same changes, then the same sync under faults
        startFromTheSyncedTenant();
        assertThat(DirectorySnapshot.of(db)).isNotEqualTo(faultFree);
        changeTheTenant();
        simulator.clearRequests();
        // each kind once for sure (PASS lets a request through), then 30 % at random, seeded by the reset
        simulator.addFault(Map.of("pathRegex", GRAPH, "mode", "SEQUENCE", "faults", List.of(
                Map.of("status", 429, "retryAfter", "0.05"), Map.of("kind", "PASS"), Map.of("status", 503),
                Map.of("status", 504), Map.of("kind", "PASS"), Map.of("kind", "DROP_CONNECTION"),
                Map.of("status", 401), Map.of("kind", "DELAY", "delayMillis", 3_500))));
        simulator.addFault(Map.of("pathRegex", TOKEN, "mode", "SEQUENCE", "faults", List.of(
                Map.of("status", 503), Map.of("kind", "DROP_CONNECTION"), Map.of("status", 429, "retryAfter", "0.05"))));
        simulator.addFault(Map.of("pathRegex", GRAPH, "rate", 0.3, "faults", TRANSIENT_GRAPH_FAULTS));
        simulator.addFault(Map.of("pathRegex", TOKEN, "rate", 0.3, "faults", TRANSIENT_TOKEN_FAULTS));

        JsonNode run = Syncs.syncNow();

        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        assertThat(DirectorySnapshot.of(db)).containsExactlyElementsOf(faultFree);
        List<Integer> graphStatuses = simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().startsWith("/v1.0/")).map(r -> r.get("status").asInt()).toList();
        assertThat(graphStatuses).contains(429, 503, 504, 401, 0); // 0: the connection was dropped
        long faults = graphStatuses.stream().filter(s -> s != 200).count();
        assertThat(faults).as("faults among %d Graph requests", graphStatuses.size())
                .isGreaterThanOrEqualTo(graphStatuses.size() / 5);
        assertThat(simulator.tokenRequests()).extracting(r -> r.get("status").asInt()).contains(503, 0, 429, 200);
    }

    @Test
    void aPermanentFaultMidListingEndsPartialSaysWhyAndChangesNoUser() {
        List<String> users = DirectorySnapshot.of(db, "user");
        List<String> assignments = DirectorySnapshot.of(db, "assignment");
        changeTheTenant();
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/users", "skip", 7, "times", 1,
                "status", 403));
        simulator.addFault(Map.of("pathRegex", GRAPH, "rate", 0.3, "faults", TRANSIENT_GRAPH_FAULTS));

        JsonNode run = Syncs.syncNow();

        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(Syncs.part(run, "LICENSES").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "USERS").get("status").asText()).isEqualTo("FAILED");
        assertThat(Syncs.part(run, "USERS").get("detail").asText()).contains("403")
                .contains("Authorization_RequestDenied");
        assertThat(DirectorySnapshot.of(db, "user")).containsExactlyElementsOf(users);
        assertThat(DirectorySnapshot.of(db, "assignment")).containsExactlyElementsOf(assignments);
    }

    @Test
    void refusedCredentialsEndTheRunFailedWithWhatToCheckAndLoseNothing() {
        List<String> before = DirectorySnapshot.of(db);
        changeTheTenant();
        simulator.expireTokens();
        simulator.addFault(Map.of("method", "POST", "pathRegex", TOKEN, "status", 401));

        JsonNode run = Syncs.syncNow();

        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("invalid_client").contains("M365_CLIENT_SECRET");
        assertThat(DirectorySnapshot.of(db)).containsExactlyElementsOf(before);
    }

    /** An admin's day: a user leaves, one is disabled, one moves department, one gets another license. */
    private void changeTheTenant() {
        List<JsonNode> enabled = simulator.users(u -> u.get("accountEnabled").asBoolean());
        simulator.deleteUser(enabled.get(3).get("id").asText());
        simulator.patchUser(enabled.get(4).get("id").asText(), Map.of("accountEnabled", false));
        simulator.patchUser(enabled.get(5).get("id").asText(), Map.of("department", "Research & Development"));
        JsonNode relicensed = simulator.users(u -> directly(u, E5)).get(7);
        simulator.changeLicenses(relicensed.get("id").asText(), List.of(Map.of("skuId", POWER_BI_PRO,
                "lastUpdatedDateTime", "2026-01-15T09:30:00Z")), List.of(Map.of("skuId", E5)));
    }

    private static boolean directly(JsonNode user, String sku) {
        for (JsonNode a : user.get("assignments")) {
            if (a.get("skuId").asText().equals(sku) && a.get("groupId").isNull()) {
                return true;
            }
        }
        return false;
    }
}
