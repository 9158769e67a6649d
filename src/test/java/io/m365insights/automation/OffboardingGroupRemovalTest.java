package io.m365insights.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offboarding in enforce mode with groupMode remove-membership (its own configuration): a disabled user loses direct
 * licenses and is removed from the static cloud groups it inherits licenses from; the exempt group keeps its members;
 * dynamic, on-premises and mail-enabled groups are left for a person. The inherited licenses go asynchronously in the
 * simulator, so removals are PENDING_CONFIRMATION until a later sync confirms them, or NOT_CONVERGED. Every expectation
 * comes from the simulator's raw tenant and groups.
 */
@QuarkusTest
@TestProfile(OffboardingGroupRemovalTest.RemoveMembership.class)
class OffboardingGroupRemovalTest {
    static final String EXEMPT_GROUP = "Licensing - IT and Engineering - EMS E3";
    static final int MAX_SYNCS = 2;

    public static class RemoveMembership implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("m365.offboarding.mode", "enforce",
                    "m365.offboarding.grace-days", "0",
                    "m365.offboarding.max-removals-per-run", "1000",
                    "m365.offboarding.group-mode", "remove-membership",
                    "m365.offboarding.group-removal-max-syncs", String.valueOf(MAX_SYNCS),
                    "m365.offboarding.exemptions", "group=" + EXEMPT_GROUP + ", reason=IT keeps its tools");
        }
    }

    private static final String REMOVALS = "{ offboardingGroupRemovals { userId groupId status syncsChecked "
            + "auditEventId settledAt } }";

    private final SimulatorClient simulator = SimulatorClient.current();

    @AfterEach
    void restore() {
        simulator.clearFaults();
        simulator.reset();
    }

    /** Group id → raw group, from /_simulator/groups. */
    private Map<String, JsonNode> groups() {
        Map<String, JsonNode> out = new HashMap<>();
        simulator.send("GET", "/_simulator/groups", null).get("groups").forEach(g -> out.put(g.get("id").asText(), g));
        return out;
    }

    private static boolean changeable(JsonNode g) {
        return !g.get("dynamic").asBoolean() && !g.get("onPremisesSynced").asBoolean()
                && !(g.get("mailEnabled").asBoolean() && !g.get("unified").asBoolean());
    }

    /** "userId groupId" of each disabled user's membership the policy must remove, from the raw data. */
    private Set<String> expectedRemovals() {
        Map<String, JsonNode> groups = groups();
        Set<String> out = new TreeSet<>();
        for (JsonNode u : simulator.users(u -> !u.get("accountEnabled").asBoolean())) {
            for (JsonNode a : u.get("assignments")) {
                JsonNode g = a.get("groupId").isNull() ? null : groups.get(a.get("groupId").asText());
                if (g != null && changeable(g) && !g.get("displayName").asText().equals(EXEMPT_GROUP)) {
                    out.add(u.get("id").asText() + " " + g.get("id").asText());
                }
            }
        }
        return out;
    }

    /** "userId groupId" of every disabled user's inherited assignment, from the raw data. */
    private Set<String> disabledInherited() {
        Set<String> out = new TreeSet<>();
        for (String s : OffboardingDryRunTest.disabledAssignments(simulator, false)) {
            String[] p = s.split(" ");
            out.add(p[0] + " " + p[2]);
        }
        return out;
    }

    private Set<String> deletes() {
        Set<String> out = new TreeSet<>();
        for (JsonNode r : simulator.requests("DELETE", null)) {
            assertThat(r.get("status").asInt()).isEqualTo(204);
            String[] p = r.get("path").asText().split("/"); // /v1.0/groups/{g}/members/{u}/$ref
            assertThat(p[6]).isEqualTo("$ref");
            out.add(p[5] + " " + p[3]);
        }
        return out;
    }

    private static Map<String, JsonNode> removals() {
        Map<String, JsonNode> out = new HashMap<>();
        GraphQL.data(REMOVALS).get("offboardingGroupRemovals").forEach(r ->
                out.put(r.get("userId").asText() + " " + r.get("groupId").asText(), r));
        return out;
    }

    private static Set<String> statuses(Map<String, JsonNode> removals, Set<String> keys) {
        Set<String> out = new HashSet<>();
        keys.forEach(k -> out.add(removals.get(k).get("status").asText()));
        return out;
    }

    @Test
    void disabledUsersLeaveChangeableGroupsExemptGroupsKeepTheirsAndASyncConfirmsTheLicenseWent() {
        simulator.reset(42, 300);
        Set<String> expected = expectedRemovals();
        Set<String> inheritedBefore = disabledInherited();
        assertThat(expected).isNotEmpty();
        Set<String> exemptOrUnchangeable = new TreeSet<>(inheritedBefore);
        exemptOrUnchangeable.removeAll(expected);
        Map<String, JsonNode> groups = groups();
        assertThat(exemptOrUnchangeable).as("the exempt group has disabled members")
                .anyMatch(k -> groups.get(k.split(" ")[1]).get("displayName").asText().equals(EXEMPT_GROUP));
        simulator.clearRequests();

        JsonNode run1 = Syncs.syncNow();

        // exactly the expected memberships were removed, as DELETE …/members/{id}/$ref
        assertThat(deletes()).isEqualTo(expected);
        assertThat(OffboardingDryRunTest.disabledAssignments(simulator, true)).as("direct licenses gone").isEmpty();
        // Microsoft 365 has not taken the inherited licenses away yet
        assertThat(disabledInherited()).isEqualTo(inheritedBefore);
        Map<String, JsonNode> r1 = removals();
        assertThat(r1.keySet()).containsAll(expected);
        assertThat(statuses(r1, expected)).containsExactly("PENDING_CONFIRMATION");
        JsonNode plan = OffboardingDryRunTest.plan(null, List.of("NEEDS_GROUP_CHANGE", "EXEMPT"));
        for (JsonNode i : plan.get("items").get("nodes")) {
            String key = i.get("userId").asText() + " " + i.get("assignedByGroupId").asText();
            String status = i.get("status").asText();
            if (expected.contains(key)) {
                assertThat(status).as(key).isEqualTo("PENDING_CONFIRMATION");
                assertThat(i.get("reason").asText()).contains("the policy removes the user from the group");
            } else if (groups.get(i.get("assignedByGroupId").asText()).get("displayName").asText().equals(EXEMPT_GROUP)) {
                assertThat(i.get("action").asText()).isEqualTo("EXEMPT");
            } else {
                assertThat(status).as(key).isEqualTo("NOT_APPLICABLE");
            }
        }
        assertThat(OffboardingDryRunTest.plan(null, null).get("pendingConfirmation").asInt()).isPositive();

        // the audit log: the plan, each removal by the policy with Graph's request id
        List<JsonNode> removed = Audit.events("{actions: [REMOVE_GROUP_MEMBER], actor: \"policy:offboarding\"}")
                .stream().filter(e -> e.get("syncRunId").asText().equals(run1.get("id").asText())).toList();
        assertThat(removed).hasSize(expected.size()).allMatch(e -> e.get("outcome").asText().equals("SUCCEEDED"));
        assertThat(removed).extracting(e -> e.get("graphRequestId").asText()).containsExactlyInAnyOrderElementsOf(
                simulator.requests("DELETE", null).stream().map(r -> r.get("requestId").asText()).toList());

        // the next sync still sees the inherited licenses: pending, nothing sent again
        simulator.clearRequests();
        Syncs.syncNow();
        assertThat(simulator.requests("DELETE", null)).isEmpty();
        Map<String, JsonNode> r2 = removals();
        assertThat(statuses(r2, expected)).containsExactly("PENDING_CONFIRMATION");
        expected.forEach(k -> assertThat(r2.get(k).get("syncsChecked").asInt()).isEqualTo(1));

        // the one after does not: confirmed, and the exempt and unchangeable groups kept theirs
        JsonNode run3 = Syncs.syncNow();
        assertThat(simulator.requests("DELETE", null)).isEmpty();
        Map<String, JsonNode> r3 = removals();
        assertThat(statuses(r3, expected)).containsExactly("CONFIRMED");
        assertThat(disabledInherited()).isEqualTo(exemptOrUnchangeable);
        List<JsonNode> confirmed = Audit.events("{actions: [CONFIRM_GROUP_REMOVAL]}").stream()
                .filter(e -> e.get("syncRunId").asText().equals(run3.get("id").asText())).toList();
        assertThat(confirmed).hasSize(expected.size()).allMatch(e -> e.get("outcome").asText().equals("SUCCEEDED"));
        assertThat(OffboardingDryRunTest.plan(null, null).get("pendingConfirmation").asInt()).isZero();
    }

    @Test
    void aRemovalThatNeverConvergesIsReportedAfterTheBoundedNumberOfSyncs() {
        simulator.reset(43, 300);
        simulator.send("PATCH", "/_simulator/groups/removals", Map.of("neverConverge", true));
        Set<String> expected = expectedRemovals();
        assertThat(expected).isNotEmpty();

        Syncs.syncNow();
        assertThat(statuses(removals(), expected)).containsExactly("PENDING_CONFIRMATION");
        Syncs.syncNow();
        assertThat(statuses(removals(), expected)).containsExactly("PENDING_CONFIRMATION");
        JsonNode last = Syncs.syncNow();

        Map<String, JsonNode> r = removals();
        assertThat(statuses(r, expected)).containsExactly("NOT_CONVERGED");
        expected.forEach(k -> assertThat(r.get(k).get("syncsChecked").asInt()).isEqualTo(MAX_SYNCS));
        JsonNode plan = OffboardingDryRunTest.plan(null, List.of("NEEDS_GROUP_CHANGE"));
        assertThat(plan.get("notConverged").asInt()).isPositive();
        List<JsonNode> stuck = plan.get("items").get("nodes").findParents("status").stream()
                .filter(i -> expected.contains(i.get("userId").asText() + " " + i.get("assignedByGroupId").asText()))
                .toList();
        assertThat(stuck).isNotEmpty().allSatisfy(i -> assertThat(i.get("status").asText()).isEqualTo("NOT_CONVERGED"));
        List<JsonNode> reported = Audit.events("{actions: [CONFIRM_GROUP_REMOVAL], outcome: FAILED}").stream()
                .filter(e -> e.get("syncRunId").asText().equals(last.get("id").asText())).toList();
        assertThat(reported).hasSize(expected.size()).allMatch(e -> e.get("errorCode").asText().equals("NOT_CONVERGED"));
        assertThat(disabledInherited()).containsAll(expected);
    }
}
