package io.m365insights.automation;

import io.m365insights.testsupport.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.m365insights.testsupport.Tenant42.ALL_STAFF_E3_GROUP;
import static io.m365insights.testsupport.Tenant42.JORG;
import static io.m365insights.testsupport.Tenant42.SPE_E3;
import static io.m365insights.testsupport.Tenant42.SPE_E5;
import static org.assertj.core.api.Assertions.assertThat;

/** The offboarding policy in its default mode, dry-run (tests run it without a grace period). */
@QuarkusTest
class OffboardingDryRunTest {
    static final String PLAN = """
            query($after: String, $actions: [OffboardingAction!]) { offboardingPlan {
              mode graceDays plannedAt syncRunId heldReason skippedReason skippedAt
              removals needsGroupChange exempt waiting done failed pendingConfirmation notConverged
              items(first: 500, after: $after, actions: $actions) {
                pageInfo { hasNextPage endCursor }
                nodes { userId userPrincipalName skuId skuPartNumber assignedByGroupId action reason status
                        errorCode auditEventId executedAt disabledSince }
              }
            } }""";
    static final String DISABLED_USERS = "{ users(first: 500, filter: {accountEnabled: false}) { nodes { id "
            + "accountEnabled licenses { assignedByGroupId license { skuId assigned } } } } }";
    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void synced() {
        simulator.reset();
        Syncs.syncNow();
    }

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
    }

    static JsonNode plan(String after, List<String> actions) {
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("after", after);
        vars.put("actions", actions);
        return GraphQL.data(PLAN, vars).get("offboardingPlan");
    }

    /** "userId skuId group" of every assignment of the simulator's disabled users, direct or not. */
    static Set<String> disabledAssignments(SimulatorClient simulator, boolean direct) {
        Set<String> out = new HashSet<>();
        for (JsonNode u : simulator.users(u -> !u.get("accountEnabled").asBoolean())) {
            for (JsonNode a : u.get("assignments")) {
                if (a.get("groupId").isNull() == direct) {
                    out.add(u.get("id").asText() + " " + a.get("skuId").asText() + " " + a.get("groupId").asText());
                }
            }
        }
        return out;
    }

    static Set<String> items(JsonNode plan, String action) {
        Set<String> out = new HashSet<>();
        for (JsonNode i : plan.get("items").get("nodes")) {
            if (i.get("action").asText().equals(action)) {
                out.add(i.get("userId").asText() + " " + i.get("skuId").asText() + " "
                        + i.get("assignedByGroupId").asText());
            }
        }
        return out;
    }

    @Test
    void afterEachSyncItPlansEveryDirectLicenseOfDisabledAccountsAndChangesNothing() {
        simulator.clearRequests();
        JsonNode storedBefore = GraphQL.data(DISABLED_USERS);

        JsonNode run = Syncs.syncNow();
        JsonNode plan = plan(null, null);

        assertThat(plan.get("mode").asText()).isEqualTo("DRY_RUN");
        assertThat(plan.get("graceDays").asInt()).isZero();
        assertThat(plan.get("syncRunId").asText()).isEqualTo(run.get("id").asText());
        assertThat(plan.get("heldReason").isNull()).isTrue();
        assertThat(plan.get("items").get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        Set<String> direct = disabledAssignments(simulator, true);
        Set<String> inherited = disabledAssignments(simulator, false);
        assertThat(direct).isNotEmpty();
        assertThat(items(plan, "REMOVE")).isEqualTo(direct);
        assertThat(items(plan, "NEEDS_GROUP_CHANGE")).isEqualTo(inherited);
        assertThat(plan.get("removals").asInt()).isEqualTo(direct.size());
        assertThat(plan.get("needsGroupChange").asInt()).isEqualTo(inherited.size());
        assertThat(plan.get("done").asInt() + plan.get("failed").asInt()).isZero();
        for (JsonNode i : plan.get("items").get("nodes")) {
            assertThat(i.get("status").asText()).isEqualTo(i.get("action").asText().equals("REMOVE") ? "PLANNED"
                    : "NOT_APPLICABLE");
            assertThat(i.get("disabledSince").isNull()).isFalse();
        }
        JsonNode jorgE5 = item(plan, JORG, SPE_E5);
        assertThat(jorgE5.get("action").asText()).isEqualTo("REMOVE");
        assertThat(jorgE5.get("reason").asText()).contains("Remove the direct assignment of SPE_E5")
                .contains("first seen disabled by a sync");
        JsonNode jorgE3 = item(plan, JORG, SPE_E3);
        assertThat(jorgE3.get("action").asText()).isEqualTo("NEEDS_GROUP_CHANGE");
        assertThat(jorgE3.get("assignedByGroupId").asText()).isEqualTo(ALL_STAFF_E3_GROUP);
        assertThat(jorgE3.get("reason").asText()).contains("Needs a group change")
                .contains("group \"Licensing - All staff - Microsoft 365 E3\" (" + ALL_STAFF_E3_GROUP + ")");

        // nothing was asked of Graph but reads, and nothing changed here
        assertThat(simulator.requests(null, null)).allMatch(r -> r.get("method").asText().equals("GET"));
        assertThat(GraphQL.data(DISABLED_USERS)).isEqualTo(storedBefore);
        // the plan is audited, as a dry run of the policy
        List<JsonNode> events = Audit.events("{actor: \"policy:offboarding\"}");
        assertThat(events).first().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("PLAN_OFFBOARDING");
            assertThat(e.get("actorKind").asText()).isEqualTo("POLICY");
            assertThat(e.get("dryRun").asBoolean()).isTrue();
            assertThat(e.get("syncRunId").asText()).isEqualTo(run.get("id").asText());
            assertThat(e.get("message").asText()).startsWith("Would remove " + direct.size() + " direct license");
        });
        assertThat(events).noneMatch(e -> e.get("action").asText().equals("UNASSIGN_LICENSE"));
    }

    @Test
    void whenTheUsersPartFailsThePreviousPlanStaysAndSaysWhy() {
        JsonNode before = plan(null, null);
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/users", "status", 500));

        JsonNode failed = Syncs.syncNow();

        JsonNode after = plan(null, null);
        assertThat(after.get("syncRunId").asText()).isEqualTo(before.get("syncRunId").asText());
        assertThat(after.get("plannedAt").asText()).isEqualTo(before.get("plannedAt").asText());
        assertThat(after.get("items")).isEqualTo(before.get("items"));
        assertThat(after.get("skippedReason").asText()).contains("sync run " + failed.get("id").asText())
                .contains("users part failed");
        simulator.clearFaults();
        assertThat(plan(null, null).get("skippedReason").asText()).isNotBlank(); // until a run plans again
        Syncs.syncNow();
        assertThat(plan(null, null).get("skippedReason").isNull()).isTrue();
    }

    @Test
    void itemsPageByCursorAndFilterByAction() {
        JsonNode all = plan(null, List.of("REMOVE"));
        int n = all.get("items").get("nodes").size();
        assertThat(n).isGreaterThan(10);
        JsonNode first = GraphQL.data("{ offboardingPlan { items(first: 10, actions: [REMOVE]) { pageInfo { "
                + "hasNextPage endCursor } nodes { userId skuId action } } } }").get("offboardingPlan").get("items");
        assertThat(first.get("nodes")).hasSize(10).allMatch(i -> i.get("action").asText().equals("REMOVE"));
        assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode rest = plan(first.get("pageInfo").get("endCursor").asText(), List.of("REMOVE")).get("items");
        assertThat(rest.get("nodes")).hasSize(n - 10);
        assertThat(rest.get("nodes").get(0)).isEqualTo(all.get("items").get("nodes").get(10));

        // a cursor of a plan a newer sync replaced is refused with a clear message
        Syncs.syncNow();
        JsonNode stale = GraphQL.post(PLAN, Map.of("after", first.get("pageInfo").get("endCursor").asText()));
        assertThat(stale.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(stale.get("errors").get(0).get("message").asText()).contains("newer plan");
    }

    @Test
    void thePolicyIsVisibleToReadersAndTheAuditLogIsNot() {
        String reader = simulator.apiToken("rita.reader@contoso.com", io.m365insights.api.access.Roles.READER);
        JsonNode policy = GraphQL.postAs(reader, "{ offboardingPolicy { mode graceDays maxRemovalsPerRun exemptions "
                + "{ kind } } offboardingPlan { removals } }", Map.of());
        assertThat(policy.path("errors").isMissingNode()).as("%s", policy).isTrue();
        assertThat(policy.get("data").get("offboardingPolicy").get("mode").asText()).isEqualTo("DRY_RUN");
        assertThat(policy.get("data").get("offboardingPolicy").get("maxRemovalsPerRun").asInt()).isEqualTo(100);
        JsonNode audit = GraphQL.postAs(reader, "{ auditEvents { totalCount } }", Map.of());
        assertThat(audit.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theGracePeriodCountsFromTheFirstSyncThatSawTheAccountDisabled() {
        String id = simulator.users(u -> u.get("accountEnabled").asBoolean() && u.get("assignments").size() > 0)
                .get(0).get("id").asText();
        java.time.Instant before = TestClock.now();
        simulator.patchUser(id, Map.of("accountEnabled", false));
        Syncs.syncNow();
        String since = disabledSince(id);
        assertThat(java.time.Instant.parse(since)).isAfterOrEqualTo(before.minusSeconds(1))
                .isBeforeOrEqualTo(TestClock.now());

        Syncs.syncNow(); // still disabled: the date stays
        assertThat(disabledSince(id)).isEqualTo(since);

        simulator.patchUser(id, Map.of("accountEnabled", true)); // re-enabled: out of the plan, the date forgotten
        Syncs.syncNow();
        assertThat(plan(null, null).get("items").get("nodes").findValuesAsText("userId")).doesNotContain(id);
        simulator.patchUser(id, Map.of("accountEnabled", false));
        Syncs.syncNow();
        assertThat(java.time.Instant.parse(disabledSince(id))).isAfter(java.time.Instant.parse(since));
    }

    private static String disabledSince(String userId) {
        for (JsonNode i : plan(null, null).get("items").get("nodes")) {
            if (i.get("userId").asText().equals(userId)) {
                return i.get("disabledSince").asText();
            }
        }
        throw new AssertionError("user " + userId + " is not in the plan");
    }

    private static JsonNode item(JsonNode plan, String user, String sku) {
        for (JsonNode i : plan.get("items").get("nodes")) {
            if (i.get("userId").asText().equals(user) && i.get("skuId").asText().equals(sku)) {
                return i;
            }
        }
        throw new AssertionError("no plan item for " + user + " " + sku);
    }
}
