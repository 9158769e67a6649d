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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.m365insights.testsupport.Tenant42.FLOW_FREE;
import static io.m365insights.testsupport.Tenant42.JORG;
import static io.m365insights.testsupport.Tenant42.SPE_E5;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offboarding policy in enforce mode, with exemptions (its own configuration, so Quarkus restarts the application
 * for this class). Users disabled in the simulator lose exactly their direct licenses at the next sync.
 */
@QuarkusTest
@TestProfile(OffboardingEnforceTest.Enforce.class)
class OffboardingEnforceTest {
    static final String LUCAS = "lucas.taylor@contoso.com";      // disabled, direct ENTERPRISEPACK, group Power BI
    static final String PAL = "pal.vanderberg@contoso.com";      // disabled, direct FLOW_FREE, group E3
    static final int MAX_REMOVALS = 40;

    public static class Enforce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("m365.offboarding.mode", "enforce",
                    "m365.offboarding.grace-days", "0",
                    "m365.offboarding.max-removals-per-run", String.valueOf(MAX_REMOVALS),
                    "m365.offboarding.exemptions", "user=jorg.muller@contoso.com, reason=Legal hold, case 4711; "
                            + "sku=FLOW_FREE, reason=Free, costs nothing; user=" + LUCAS + ", until=2020-01-01, "
                            + "reason=Old hold");
        }
    }

    private final SimulatorClient simulator = SimulatorClient.current();

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
    }

    /** Every simulated user's assignments as "sku group" strings, by user id. */
    private Map<String, List<String>> tenantAssignments() {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode u : simulator.tenant().get("users")) {
            List<String> as = new ArrayList<>();
            u.get("assignments").forEach(a -> as.add(a.get("skuId").asText() + " " + a.get("groupId").asText()));
            as.sort(null);
            out.put(u.get("id").asText(), as);
        }
        return out;
    }

    private static boolean exempt(JsonNode user, String sku) {
        return user.get("userPrincipalName").asText().equals("jorg.muller@contoso.com") || sku.equals(FLOW_FREE);
    }

    /** What the tenant must look like when the disabled users among {@code disabled} lose their non-exempt direct licenses. */
    private Map<String, List<String>> expectedAfterOffboarding(Map<String, List<String>> before, List<String> disabled) {
        Map<String, List<String>> expected = new TreeMap<>(before);
        for (JsonNode u : simulator.tenant().get("users")) {
            String id = u.get("id").asText();
            if (disabled.contains(id)) {
                expected.put(id, before.get(id).stream()
                        .filter(a -> !a.endsWith(" null") || exempt(u, a.split(" ")[0])).toList());
            }
        }
        return expected;
    }

    /** POST, PATCH and DELETE requests to Microsoft Graph (token requests are not Graph). */
    private List<JsonNode> graphWrites() {
        return simulator.requests(null, null).stream().filter(r -> !r.get("method").asText().equals("GET")
                && r.get("path").asText().startsWith("/v1.0/")).toList();
    }

    private List<String> disabledIds() {
        return simulator.users(u -> !u.get("accountEnabled").asBoolean()).stream().map(u -> u.get("id").asText()).toList();
    }

    @Test
    void disabledUsersLoseExactlyTheirDirectLicensesAtTheNextSyncExemptionsHoldAndEveryStepIsAudited() {
        simulator.reset(42, 300);
        Map<String, List<String>> initial = tenantAssignments();

        // the first sync offboards everyone already disabled, exemptions aside
        Syncs.syncNow();
        assertThat(tenantAssignments()).isEqualTo(expectedAfterOffboarding(initial, disabledIds()));
        assertThat(simulator.users(u -> u.get("id").asText().equals(JORG)).get(0).get("assignments").toString())
                .contains(SPE_E5); // exempt user
        JsonNode firstPlan = OffboardingDryRunTest.plan(null, null);
        assertThat(firstPlan.get("mode").asText()).isEqualTo("ENFORCE");
        assertThat(firstPlan.get("failed").asInt()).isZero();
        assertThat(firstPlan.get("done").asInt()).isEqualTo(firstPlan.get("removals").asInt()).isPositive();
        JsonNode lucas = firstPlan.get("items").get("nodes").findParents("userPrincipalName").stream()
                .filter(i -> i.get("userPrincipalName").asText().equals(LUCAS) && i.get("assignedByGroupId").isNull())
                .findFirst().orElseThrow();
        assertThat(lucas.get("status").asText()).isEqualTo("DONE");
        assertThat(lucas.get("reason").asText()).contains("\"Old hold\"").contains("has expired");
        assertThat(firstPlan.get("items").get("nodes").findParents("userPrincipalName").stream()
                .filter(i -> i.get("userPrincipalName").asText().equals(PAL) && i.get("skuId").asText().equals(FLOW_FREE))
                .findFirst().orElseThrow().get("action").asText()).isEqualTo("EXEMPT");

        // an enabled user with direct and group-inherited licenses is disabled in Microsoft 365
        JsonNode leaver = simulator.users(u -> u.get("accountEnabled").asBoolean()
                && u.get("assignments").findValues("groupId").stream().anyMatch(JsonNode::isNull)
                && u.get("assignments").findValues("groupId").stream().anyMatch(g -> !g.isNull())
                && u.get("assignments").findValuesAsText("skuId").stream().noneMatch(FLOW_FREE::equals)).get(0);
        String id = leaver.get("id").asText();
        List<String> directSkus = new ArrayList<>();
        leaver.get("assignments").forEach(a -> {
            if (a.get("groupId").isNull()) {
                directSkus.add(a.get("skuId").asText());
            }
        });
        simulator.patchUser(id, Map.of("accountEnabled", false));
        Map<String, List<String>> before = tenantAssignments();
        simulator.clearRequests();

        JsonNode run = Syncs.syncNow();

        // exactly the leaver's direct licenses are gone; every other assignment in the tenant is as it was
        Map<String, List<String>> after = tenantAssignments();
        assertThat(after).isEqualTo(expectedAfterOffboarding(before, List.of(id)));
        assertThat(after.get(id)).isNotEmpty().allMatch(a -> !a.endsWith(" null"));
        List<JsonNode> posts = graphWrites();
        assertThat(posts).extracting(p -> p.get("path").asText())
                .containsOnly("/v1.0/users/" + id + "/assignLicense").hasSize(directSkus.size());
        assertThat(simulator.requests("PATCH", null)).isEmpty(); // the account is not touched
        JsonNode stored = GraphQL.data("query($id: ID) { user(id: $id) { accountEnabled licenses { assignedByGroupId "
                + "license { skuId } } } }", Map.of("id", id)).get("user");
        assertThat(stored.get("accountEnabled").asBoolean()).isFalse();
        assertThat(stored.get("licenses")).isNotEmpty().allMatch(l -> !l.get("assignedByGroupId").isNull());

        // the audit log shows the plan and each removal, by the policy, with Graph's request ids
        List<JsonNode> removals = Audit.events("{userId: \"" + id + "\"}");
        assertThat(removals).hasSize(directSkus.size()).allSatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("UNASSIGN_LICENSE");
            assertThat(e.get("actor").asText()).isEqualTo("policy:offboarding");
            assertThat(e.get("actorKind").asText()).isEqualTo("POLICY");
            assertThat(e.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(e.get("dryRun").asBoolean()).isFalse();
            assertThat(e.get("syncRunId").asText()).isEqualTo(run.get("id").asText());
        });
        assertThat(removals).extracting(e -> e.get("skuId").asText()).containsExactlyInAnyOrderElementsOf(directSkus);
        assertThat(removals).extracting(e -> e.get("graphRequestId").asText())
                .containsExactlyInAnyOrderElementsOf(posts.stream().map(p -> p.get("requestId").asText()).toList());
        JsonNode planned = Audit.events("{actions: [PLAN_OFFBOARDING]}").get(0);
        assertThat(planned.get("syncRunId").asText()).isEqualTo(run.get("id").asText());
        assertThat(planned.get("dryRun").asBoolean()).isFalse();
        assertThat(planned.get("correlationId").asText()).isEqualTo(removals.get(0).get("correlationId").asText());

        JsonNode plan = OffboardingDryRunTest.plan(null, null);
        assertThat(plan.get("items").get("nodes").findParents("userId").stream()
                .filter(i -> i.get("userId").asText().equals(id) && i.get("action").asText().equals("REMOVE")))
                .hasSize(directSkus.size()).allSatisfy(i -> {
                    assertThat(i.get("status").asText()).isEqualTo("DONE");
                    assertThat(i.get("auditEventId").isNull()).isFalse();
                });

        // the next sync agrees with what the policy did, and finds nothing left to remove
        simulator.clearRequests();
        Syncs.syncNow();
        assertThat(graphWrites()).isEmpty();
        assertThat(OffboardingDryRunTest.plan(null, null).get("removals").asInt()).isZero();
        assertThat(tenantAssignments()).isEqualTo(after);
    }

    @Test
    void morePlannedRemovalsThanTheLimitHoldsTheWholePlanForReview() {
        simulator.reset(42, 1500);
        simulator.clearRequests();

        Syncs.syncNow();

        JsonNode plan = OffboardingDryRunTest.plan(null, null);
        assertThat(plan.get("removals").asInt()).isGreaterThan(MAX_REMOVALS);
        assertThat(plan.get("heldReason").asText()).contains("max-removals-per-run (" + MAX_REMOVALS + ")")
                .contains("nothing was removed");
        assertThat(plan.get("items").get("nodes")).filteredOn(i -> i.get("action").asText().equals("REMOVE"))
                .allMatch(i -> i.get("status").asText().equals("HELD"));
        assertThat(graphWrites()).isEmpty();
        JsonNode event = Audit.events("{actions: [PLAN_OFFBOARDING]}").get(0);
        assertThat(event.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(event.get("errorCode").asText()).isEqualTo("HELD");
    }
}
