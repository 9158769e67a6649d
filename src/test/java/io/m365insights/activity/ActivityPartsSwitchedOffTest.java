package io.m365insights.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With M365_SERVICE_ACTIVITY_ENABLED=false and M365_SIGN_INS_ENABLED=false the two parts ask Microsoft Graph nothing,
 * say why in the run, store nothing, and the rest of the sync (directory, apps usage, Copilot) runs as always.
 */
@QuarkusTest
@TestProfile(ActivityPartsSwitchedOffTest.Off.class)
class ActivityPartsSwitchedOffTest {
    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("m365.service-activity.enabled", "false", "m365.sign-ins.enabled", "false");
        }
    }

    @Inject
    TestDatabase db;

    @Test
    void theSwitchedOffPartsReadNothingAndSaySo() {
        TestClock.setOffsetDays(0);
        SimulatorClient simulator = SimulatorClient.current();
        simulator.reset();
        db.clearActivity();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "SERVICE_ACTIVITY").get("detail").asText())
                .contains("M365_SERVICE_ACTIVITY_ENABLED=false");
        assertThat(Syncs.part(run, "SIGN_INS").get("detail").asText()).contains("M365_SIGN_INS_ENABLED=false");
        for (String part : List.of("LICENSES", "USERS", "USAGE", "COPILOT_USAGE")) {
            assertThat(Syncs.part(run, part).get("status").asText()).as(part).isEqualTo("SUCCEEDED");
        }
        assertThat(simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("getOffice365ActiveUserDetail"))).isEmpty();
        assertThat(simulator.requests("GET", "/v1.0/users").stream()
                .filter(r -> r.get("query").path("$select").asText().contains("signInActivity"))).isEmpty();
        assertThat(db.count("select count(*) from service_activity_day")).isZero();
        assertThat(db.count("select count(*) from sign_in_activity")).isZero();
        assertThat(db.count("select count(*) from usage_report_day")).isEqualTo(28);
    }
}
