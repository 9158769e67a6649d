package io.m365insights.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The three activity sources sync as parts of their own: backfilled, paced, idempotent, failing alone. */
@QuarkusTest
class ActivitySyncTest {
    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void fresh() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearActivity();
    }

    @Test
    void aSyncBackfillsTheWindowSnapshotsCopilotAndListsSignIns() {
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        for (String part : List.of("SERVICE_ACTIVITY", "COPILOT_USAGE", "SIGN_INS")) {
            assertThat(Syncs.part(run, part).get("status").asText()).as(part).isEqualTo("SUCCEEDED");
        }
        assertThat(db.count("select count(*) from service_activity_day")).isEqualTo(28);
        assertThat(simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("getOffice365ActiveUserDetail"))).hasSize(28);
        assertThat(db.count("select count(*) from copilot_snapshot")).isEqualTo(1);
        assertThat(db.count("select count(*) from copilot_snapshot_row where user_id is not null")).isPositive();
        // every directory user's sign-ins, 500 a page: 1,500 users in 3 requests
        assertThat(db.count("select count(*) from sign_in_activity")).isEqualTo(1500);
        assertThat(simulator.requests("GET", "/v1.0/users").stream()
                .filter(r -> r.get("query").path("$select").asText().contains("signInActivity"))).hasSize(3);
        // deleted users' rows are kept, unlinked
        assertThat(db.count("select count(*) from service_activity where deleted and user_id is null")).isPositive();

        // idempotent: a second sync fetches only the most recent days again and changes no date
        List<String> before = db.rows("select report_name, service, last_activity_date, license_assign_date "
                + "from service_activity order by 1, 2");
        simulator.clearRequests();
        JsonNode again = Syncs.syncNow();
        assertThat(again.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("getOffice365ActiveUserDetail"))).hasSize(3);
        assertThat(db.rows("select report_name, service, last_activity_date, license_assign_date "
                + "from service_activity order by 1, 2")).isEqualTo(before);
        assertThat(db.count("select count(*) from copilot_snapshot")).isEqualTo(1);
    }

    @Test
    void withoutAuditLogPermissionOrP1SignInsArePartialWithTheFixAndEverythingElseSyncs() {
        simulator.activity(Map.of("signIns", Map.of("forbidden", true)));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        JsonNode signIns = Syncs.part(run, "SIGN_INS");
        assertThat(signIns.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(signIns.get("detail").asText()).contains("grant the application permission AuditLog.Read.All");
        for (String part : List.of("LICENSES", "USERS", "USAGE", "SERVICE_ACTIVITY", "COPILOT_USAGE")) {
            assertThat(Syncs.part(run, part).get("status").asText()).as(part).isEqualTo("SUCCEEDED");
        }

        simulator.activity(Map.of("signIns", Map.of("forbidden", false, "noPremium", true)));
        JsonNode noP1 = Syncs.part(Syncs.syncNow(), "SIGN_INS");
        assertThat(noP1.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(noP1.get("detail").asText()).contains("no Microsoft Entra ID P1 or P2 license");
        assertThat(db.count("select count(*) from sign_in_activity")).isZero();
    }

    @Test
    void signInsArePacedUnderTheListingLimitWithoutA429() {
        // Microsoft's limit, 10 requests a minute, as the test profile compresses it (10 a second), over 30 pages
        simulator.maxPageSize(50);
        simulator.activity(Map.of("signIns", Map.of("throttle", Map.of("enforced", true, "limit", 10, "windowMillis", 1000))));
        long started = System.nanoTime();
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "SIGN_INS").get("status").asText()).isEqualTo("SUCCEEDED");
        List<JsonNode> listing = simulator.requests("GET", "/v1.0/users").stream()
                .filter(r -> r.get("query").path("$select").asText().contains("signInActivity")).toList();
        assertThat(listing).hasSize(30).allMatch(r -> r.get("status").asInt() == 200);
        assertThat(db.count("select count(*) from sign_in_activity")).isEqualTo(1500);
        // 30 requests at 10 a second cannot take less than 2 seconds (the throttle floor)
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(java.time.Duration.ofSeconds(2));
    }

    @Test
    void aMalformedDayFailsAloneAndAMissingPermissionFailsThePartWithTheFix() {
        simulator.reports(Map.of("forbidden", true));
        JsonNode run = Syncs.syncNow();
        JsonNode service = Syncs.part(run, "SERVICE_ACTIVITY");
        assertThat(service.get("status").asText()).isEqualTo("FAILED");
        assertThat(service.get("detail").asText()).contains("Reports.Read.All");
        assertThat(Syncs.part(run, "SIGN_INS").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "USERS").get("status").asText()).isEqualTo("SUCCEEDED");
    }
}
