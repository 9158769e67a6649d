package io.m365insights.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * groupMode remove-membership in dry-run mode (its own configuration): the plan says which memberships would be
 * removed, and nothing changes anywhere: no write reaches the simulator, its groups and our stored members and
 * licenses stay as they were, and no group removal is tracked.
 */
@QuarkusTest
@TestProfile(OffboardingGroupDryRunTest.DryRunRemoveMembership.class)
class OffboardingGroupDryRunTest {
    public static class DryRunRemoveMembership implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("m365.offboarding.mode", "dry-run", "m365.offboarding.grace-days", "0",
                    "m365.offboarding.group-mode", "remove-membership");
        }
    }

    private final SimulatorClient simulator = SimulatorClient.current();

    @AfterEach
    void restore() {
        simulator.reset();
    }

    private Map<String, Integer> storedMemberCounts() {
        Map<String, Integer> out = new HashMap<>();
        GraphQL.data("{ licenseGroups { id memberCount } }").get("licenseGroups")
                .forEach(g -> out.put(g.get("id").asText(), g.get("memberCount").asInt()));
        return out;
    }

    @Test
    void aDryRunPlansGroupRemovalsAndChangesNothingAnywhere() {
        simulator.reset(44, 300);
        JsonNode rawBefore = simulator.send("GET", "/_simulator/groups", null);
        JsonNode tenantBefore = simulator.tenant().get("users");
        simulator.clearRequests();

        Syncs.syncNow();
        Map<String, Integer> storedAfterFirst = storedMemberCounts();
        JsonNode disabledAfterFirst = GraphQL.data(OffboardingDryRunTest.DISABLED_USERS);
        Syncs.syncNow();

        assertThat(simulator.requests(null, null)).filteredOn(r -> !r.get("method").asText().equals("GET")
                && r.get("path").asText().startsWith("/v1.0/")).isEmpty();
        assertThat(simulator.send("GET", "/_simulator/groups", null)).isEqualTo(rawBefore);
        assertThat(simulator.tenant().get("users")).isEqualTo(tenantBefore);
        assertThat(storedMemberCounts()).isEqualTo(storedAfterFirst);
        for (JsonNode g : rawBefore.get("groups")) {
            assertThat(storedAfterFirst.get(g.get("id").asText())).isEqualTo(g.get("members").size());
        }
        assertThat(GraphQL.data(OffboardingDryRunTest.DISABLED_USERS)).isEqualTo(disabledAfterFirst);
        assertThat(GraphQL.data("{ offboardingGroupRemovals { userId } }").get("offboardingGroupRemovals")).isEmpty();

        JsonNode plan = OffboardingDryRunTest.plan(null, List.of("NEEDS_GROUP_CHANGE"));
        List<JsonNode> planned = plan.get("items").get("nodes").findParents("status").stream()
                .filter(i -> i.get("status").asText().equals("PLANNED")).toList();
        assertThat(planned).isNotEmpty().allSatisfy(i ->
                assertThat(i.get("reason").asText()).contains("the policy removes the user from the group"));
        assertThat(plan.get("pendingConfirmation").asInt()).isZero();
    }
}
