package io.m365insights.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Later syncs apply exactly what changed in the tenant; a sync whose listing fails midway changes nothing. */
@QuarkusTest
class DirectoryChangesTest {
    private static final String E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    private static final String POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    private static final String EVERYTHING = "{ users(first: 500, after: $after, filter: {includeDeleted: true}) "
            + "{ pageInfo { hasNextPage endCursor } nodes { id userPrincipalName displayName mail accountEnabled "
            + "department deletedAt licenses { assignedByGroupId state disabledPlanIds license { skuId } } } } }";

    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void startFromASyncedTenant() {
        simulator.reset();
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
    }

    @Test
    void deletedDisabledAndRelicensedUsersShowExactlyThoseChanges() {
        List<JsonNode> users = simulator.users(u -> u.get("accountEnabled").asBoolean());
        String deleted = users.get(10).get("id").asText();
        String disabled = users.get(11).get("id").asText();
        JsonNode relicensed = simulator.users(u -> hasDirect(u, E5) && !u.get("id").asText().equals(deleted)
                && !u.get("id").asText().equals(disabled)).get(0);
        String relicensedId = relicensed.get("id").asText();
        Map<String, JsonNode> before = snapshot();

        simulator.deleteUser(deleted);
        simulator.patchUser(disabled, Map.of("accountEnabled", false));
        simulator.changeLicenses(relicensedId, List.of(Map.of("skuId", POWER_BI_PRO)),
                List.of(Map.of("skuId", E5)));
        JsonNode run = Syncs.syncNow();

        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode usersPart = Syncs.part(run, "USERS");
        assertThat(usersPart.get("deleted").asInt()).isEqualTo(1);
        assertThat(usersPart.get("updated").asInt()).isEqualTo(1);
        assertThat(usersPart.get("created").asInt()).isZero();

        Map<String, JsonNode> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String id : before.keySet()) {
            if (!id.equals(deleted) && !id.equals(disabled) && !id.equals(relicensedId)) {
                assertThat(after.get(id)).as("unchanged user %s", id).isEqualTo(before.get(id));
            }
        }
        assertThat(after.get(deleted).get("deletedAt").isNull()).isFalse();
        assertThat(after.get(deleted).get("licenses")).isEmpty();
        assertThat(after.get(disabled).get("accountEnabled").asBoolean()).isFalse();
        assertThat(skus(after.get(relicensedId))).contains(POWER_BI_PRO).doesNotContain(E5);
        assertThat(skus(before.get(relicensedId))).contains(E5);

        JsonNode visible = GraphQL.data("query($id: ID) { user(id: $id) { deletedAt } users(filter: {search: \""
                + before.get(deleted).get("userPrincipalName").asText() + "\"}) { totalCount } }",
                Map.of("id", deleted));
        assertThat(visible.get("user").get("deletedAt").isNull()).isFalse();
        assertThat(visible.get("users").get("totalCount").asInt()).isZero();

        // an unchanged tenant synced again changes nothing
        JsonNode again = Syncs.syncNow();
        JsonNode part = Syncs.part(again, "USERS");
        assertThat(part.get("created").asInt() + part.get("updated").asInt() + part.get("deleted").asInt()).isZero();
        assertThat(snapshot()).isEqualTo(after);
    }

    @Test
    void aListingThatFailsOnPageTwoChangesNothingAndRecordsAFailedRun() {
        Map<String, JsonNode> before = snapshot();
        String lastGood = GraphQL.data("{ syncStatus { lastSuccessfulRun { id } } }")
                .get("syncStatus").get("lastSuccessfulRun").get("id").asText();
        List<JsonNode> users = simulator.users(u -> u.get("accountEnabled").asBoolean());
        simulator.patchUser(users.get(0).get("id").asText(), Map.of("accountEnabled", false));
        simulator.deleteUser(users.get(1).get("id").asText());
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/users", "skip", 1, "status", 500));
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "status", 500));
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/directory/subscriptions", "status", 500));
        simulator.reports(Map.of("forbidden", true)); // every part fails: the run is FAILED
        simulator.clearRequests();

        JsonNode run = Syncs.syncNow();

        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(Syncs.part(run, "USERS").get("status").asText()).isEqualTo("FAILED");
        assertThat(Syncs.part(run, "USERS").get("detail").asText()).contains("500");
        assertThat(run.get("error").asText()).contains("USERS").contains("LICENSES").contains("SUBSCRIPTIONS")
                .contains("USAGE");
        assertThat(snapshot()).isEqualTo(before);
        // a 500 is not retried (only 429, 503, 504 and network faults are): exactly two users pages were asked for
        // (the sign-in pass, which lists /users with $select=id,signInActivity, is another listing)
        assertThat(simulator.requests("GET", "/v1.0/users").stream()
                .filter(p -> !p.get("query").path("$select").asText().contains("signInActivity"))).hasSize(2);
        JsonNode status = GraphQL.data("{ syncStatus { running lastRun { id status } lastSuccessfulRun { id } } }")
                .get("syncStatus");
        assertThat(status.get("lastRun").get("id").asText()).isEqualTo(run.get("id").asText());
        assertThat(status.get("lastSuccessfulRun").get("id").asText()).isEqualTo(lastGood);
        assertThat(status.get("running").asBoolean()).isFalse();

        simulator.clearFaults();
        simulator.reports(Map.of("forbidden", false));
        JsonNode recovered = Syncs.syncNow();
        assertThat(recovered.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(recovered, "USERS").get("deleted").asInt()).isEqualTo(1);
        assertThat(Syncs.part(recovered, "USERS").get("updated").asInt()).isEqualTo(1);
    }

    @Test
    void whenOnlyTheUsersListingFailsTheRunIsPartialAndLicensesStillSync() {
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/users", "skip", 1, "status", 500));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(Syncs.part(run, "LICENSES").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "USERS").get("status").asText()).isEqualTo("FAILED");
    }

    private static boolean hasDirect(JsonNode user, String sku) {
        for (JsonNode a : user.get("assignments")) {
            if (a.get("skuId").asText().equals(sku) && a.get("groupId").isNull()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> skus(JsonNode user) {
        return user.get("licenses").findValues("skuId").stream().map(JsonNode::asText).toList();
    }

    /** Every stored user (deleted ones included) with licenses, by id. */
    private static Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> byId = new TreeMap<>();
        String after = null;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            JsonNode page = GraphQL.data("query($after: String) " + EVERYTHING, vars).get("users");
            page.get("nodes").forEach(n -> byId.put(n.get("id").asText(), n));
            after = page.get("pageInfo").get("hasNextPage").asBoolean()
                    ? page.get("pageInfo").get("endCursor").asText() : null;
        } while (after != null);
        return byId;
    }
}
