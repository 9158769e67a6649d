package io.m365insights.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.m365insights.testsupport.Tenant42.ALL_STAFF_E3_GROUP;
import static io.m365insights.testsupport.Tenant42.FANG;
import static io.m365insights.testsupport.Tenant42.JORG;
import static io.m365insights.testsupport.Tenant42.SPE_E3;
import static io.m365insights.testsupport.Tenant42.SPE_E5;
import static io.m365insights.testsupport.Tenant42.ZOE;
import static org.assertj.core.api.Assertions.assertThat;

/** unassignLicense over HTTP against the simulator: what the caller gets, what Graph received, what the sync sees. */
@QuarkusTest
class UnassignLicenseTest {
    static final String UNASSIGN = """
            mutation($userId: ID!, $skuId: ID!, $dryRun: Boolean) {
              unassignLicense(input: {userId: $userId, skuId: $skuId, dryRun: $dryRun}) {
                dryRun removed keptThroughGroupIds summary auditEventId
                user { id accountEnabled licenses { direct assignedByGroupId license { skuId } } }
                license { skuId assigned unassigned }
                userErrors { code message field }
              }
            }""";
    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void synced() {
        simulator.reset();
        Syncs.syncNow();
        simulator.clearRequests();
    }

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
    }

    static JsonNode unassign(String userId, String skuId, boolean dryRun) {
        return GraphQL.data(UNASSIGN, Map.of("userId", userId, "skuId", skuId, "dryRun", dryRun)).get("unassignLicense");
    }

    /** An enabled user holding E5 directly only. */
    private String enabledUserWithDirectE5() {
        return simulator.users(u -> u.get("accountEnabled").asBoolean() && u.get("assignments").size() > 0
                && assignments(u, SPE_E5).size() == 1 && assignments(u, SPE_E5).get(0).get("groupId").isNull())
                .get(0).get("id").asText();
    }

    static List<JsonNode> assignments(JsonNode simUser, String sku) {
        List<JsonNode> out = new java.util.ArrayList<>();
        simUser.get("assignments").forEach(a -> {
            if (a.get("skuId").asText().equals(sku)) {
                out.add(a);
            }
        });
        return out;
    }

    private JsonNode simUser(String id) {
        return simulator.users(u -> u.get("id").asText().equals(id)).get(0);
    }

    static int assigned(String sku) {
        return GraphQL.data("query($s: ID!) { license(skuId: $s) { assigned } }", Map.of("s", sku))
                .get("license").get("assigned").asInt();
    }

    static JsonNode storedUser(String id) {
        return GraphQL.data("query($id: ID) { user(id: $id) { id accountEnabled usageLocation licenses { direct "
                + "assignedByGroupId state disabledPlanIds license { skuId } } } }", Map.of("id", id)).get("user");
    }

    @Test
    void removesADirectLicenseAtGraphAndHereAtOnceAndTheNextSyncAgrees() {
        String user = enabledUserWithDirectE5();
        int before = assigned(SPE_E5);

        JsonNode p = unassign(user, SPE_E5, false);

        assertThat(p.get("userErrors")).isEmpty();
        assertThat(p.get("removed").asBoolean()).isTrue();
        assertThat(p.get("dryRun").asBoolean()).isFalse();
        assertThat(p.get("summary").asText()).contains("Removed the direct assignment of SPE_E5")
                .contains("stays enabled");
        assertThat(p.get("user").get("accountEnabled").asBoolean()).isTrue();
        assertThat(p.get("user").get("licenses").findValuesAsText("skuId")).doesNotContain(SPE_E5);
        assertThat(p.get("license").get("assigned").asInt()).isEqualTo(before - 1);

        // what Microsoft Graph received: exactly one assignLicense, with both arrays
        List<JsonNode> posts = simulator.requests("POST", "/v1.0/users/" + user + "/assignLicense");
        assertThat(posts).hasSize(1);
        assertThat(json(posts.get(0).get("body").asText()))
                .isEqualTo(json("{\"addLicenses\":[],\"removeLicenses\":[\"" + SPE_E5 + "\"]}"));
        assertThat(simulator.requests("PATCH", null)).isEmpty(); // the account was not touched
        assertThat(assignments(simUser(user), SPE_E5)).isEmpty();
        assertThat(simUser(user).get("accountEnabled").asBoolean()).isTrue();

        // audited with the caller, the input and Graph's request id
        JsonNode event = Audit.byId(p.get("auditEventId").asText());
        assertThat(event.get("action").asText()).isEqualTo("UNASSIGN_LICENSE");
        assertThat(event.get("actor").asText()).isEqualTo(GraphQL.ADMIN);
        assertThat(event.get("actorKind").asText()).isEqualTo("CALLER");
        assertThat(event.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(event.get("dryRun").asBoolean()).isFalse();
        assertThat(event.get("userId").asText()).isEqualTo(user);
        assertThat(event.get("skuId").asText()).isEqualTo(SPE_E5);
        assertThat(json(event.get("input").asText())).isEqualTo(json("{\"userId\":\"" + user + "\",\"skuId\":\""
                + SPE_E5 + "\",\"dryRun\":false}"));
        assertThat(event.get("graphRequestId").asText()).isEqualTo(posts.get(0).get("requestId").asText());

        JsonNode local = storedUser(user);
        Syncs.syncNow();
        assertThat(storedUser(user).get("licenses")).isEqualTo(local.get("licenses"));
        assertThat(assigned(SPE_E5)).isEqualTo(before - 1);
    }

    @Test
    void aDryRunSaysWhatWouldHappenChangesNothingAndIsAudited() {
        String user = enabledUserWithDirectE5();
        JsonNode storedBefore = storedUser(user);
        int before = assigned(SPE_E5);

        JsonNode p = unassign(user, SPE_E5, true);

        assertThat(p.get("userErrors")).isEmpty();
        assertThat(p.get("dryRun").asBoolean()).isTrue();
        assertThat(p.get("removed").asBoolean()).isFalse();
        assertThat(p.get("summary").asText()).startsWith("Would remove the direct assignment of SPE_E5")
                .contains("nothing changed");
        assertThat(simulator.requests(null, null)).isEmpty(); // Graph was not asked anything
        assertThat(assignments(simUser(user), SPE_E5)).hasSize(1);
        assertThat(storedUser(user)).isEqualTo(storedBefore);
        assertThat(assigned(SPE_E5)).isEqualTo(before);
        JsonNode event = Audit.byId(p.get("auditEventId").asText());
        assertThat(event.get("dryRun").asBoolean()).isTrue();
        assertThat(event.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(event.get("message").asText()).startsWith("Would remove");
        assertThat(event.get("graphRequestId").isNull()).isTrue();
    }

    @Test
    void aGroupInheritedLicenseIsAUserErrorNamingTheGroupAndGraphIsNotAsked() {
        JsonNode p = unassign(FANG, SPE_E3, false);

        assertThat(p.get("removed").asBoolean()).isFalse();
        assertThat(p.get("userErrors")).singleElement().satisfies(e -> {
            assertThat(e.get("code").asText()).isEqualTo("LICENSE_INHERITED_FROM_GROUP");
            assertThat(e.get("message").asText()).contains(ALL_STAFF_E3_GROUP).contains("remove the user from the group");
            assertThat(e.get("field")).extracting(JsonNode::asText).containsExactly("input", "skuId");
        });
        assertThat(p.get("keptThroughGroupIds")).extracting(JsonNode::asText).containsExactly(ALL_STAFF_E3_GROUP);
        assertThat(simulator.requests(null, null)).isEmpty();
        JsonNode event = Audit.byId(p.get("auditEventId").asText());
        assertThat(event.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(event.get("errorCode").asText()).isEqualTo("LICENSE_INHERITED_FROM_GROUP");
    }

    @Test
    void aLicenseTheUserDoesNotHoldIsAUserErrorAndRepeatingARemovalIsSafe() {
        String user = enabledUserWithDirectE5();
        assertThat(unassign(user, SPE_E5, false).get("removed").asBoolean()).isTrue();

        JsonNode again = unassign(user, SPE_E5, false);
        assertThat(again.get("removed").asBoolean()).isFalse();
        assertThat(again.get("userErrors").get(0).get("code").asText()).isEqualTo("LICENSE_NOT_ASSIGNED");
        assertThat(simulator.requests("POST", "/v1.0/users/" + user + "/assignLicense")).hasSize(1);

        JsonNode unknownUser = unassign("00000000-0000-4000-8000-000000000001", SPE_E5, false);
        assertThat(unknownUser.get("userErrors").get(0).get("code").asText()).isEqualTo("USER_NOT_FOUND");
        assertThat(unknownUser.get("userErrors").get(0).get("field")).extracting(JsonNode::asText)
                .containsExactly("input", "userId");
    }

    @Test
    void removingTheDirectHalfOfADoubleAssignmentKeepsTheSeatAndSaysWhichGroupStillGrantsIt() {
        int before = assigned(SPE_E3);
        JsonNode p = unassign(ZOE, SPE_E3, false);

        assertThat(p.get("removed").asBoolean()).isTrue();
        assertThat(p.get("keptThroughGroupIds")).extracting(JsonNode::asText).containsExactly(ALL_STAFF_E3_GROUP);
        assertThat(p.get("summary").asText()).contains("keeps it through group " + ALL_STAFF_E3_GROUP);
        assertThat(p.get("user").get("licenses")).filteredOn(l -> l.get("license").get("skuId").asText().equals(SPE_E3))
                .singleElement().satisfies(l -> assertThat(l.get("assignedByGroupId").asText()).isEqualTo(ALL_STAFF_E3_GROUP));
        assertThat(p.get("license").get("assigned").asInt()).isEqualTo(before); // the user still takes one seat
        Syncs.syncNow();
        assertThat(assigned(SPE_E3)).isEqualTo(before);
    }

    @Test
    void whenOurDataIsStaleGraphsRefusalIsMappedAndNothingChangesHere() {
        // after the sync, an admin moved the user's E5 to... nothing (removed it in the portal)
        String user = enabledUserWithDirectE5();
        simulator.changeLicenses(user, List.of(), List.of(Map.of("skuId", SPE_E5)));
        // and Jörg's E5 is now granted by a group instead of directly
        simulator.changeLicenses(JORG, List.of(Map.of("skuId", SPE_E5, "groupId", ALL_STAFF_E3_GROUP)),
                List.of(Map.of("skuId", SPE_E5)));
        JsonNode storedBefore = storedUser(user);

        JsonNode gone = unassign(user, SPE_E5, false);
        assertThat(gone.get("userErrors").get(0).get("code").asText()).isEqualTo("LICENSE_NOT_ASSIGNED");
        assertThat(gone.get("userErrors").get(0).get("message").asText()).contains("Microsoft Graph");
        assertThat(storedUser(user)).isEqualTo(storedBefore); // Graph refused: nothing changed here
        JsonNode event = Audit.byId(gone.get("auditEventId").asText());
        assertThat(event.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(event.get("graphRequestId").asText()).isEqualTo(
                simulator.requests("POST", "/v1.0/users/" + user + "/assignLicense").get(0).get("requestId").asText());

        JsonNode inherited = unassign(JORG, SPE_E5, false);
        assertThat(inherited.get("userErrors").get(0).get("code").asText()).isEqualTo("LICENSE_INHERITED_FROM_GROUP");
        assertThat(inherited.get("removed").asBoolean()).isFalse();
    }

    @Test
    void aLostAnswerIsRetriedAndTheRemovalConfirmedByReadingTheUserBack() {
        String user = enabledUserWithDirectE5();
        String path = "/v1.0/users/" + user + "/assignLicense";
        simulator.addFault(Map.of("method", "POST", "pathRegex", path.replace(".", "\\."), "times", 1,
                "kind", "DROP_RESPONSE"));

        JsonNode p = unassign(user, SPE_E5, false);

        assertThat(p.get("userErrors")).isEmpty();
        assertThat(p.get("removed").asBoolean()).isTrue();
        assertThat(p.get("summary").asText()).contains("first answer was lost");
        // the first attempt took effect but its answer was dropped; the retry was refused; the read-back confirmed
        assertThat(simulator.requests("POST", path)).extracting(r -> r.get("status").asInt()).containsExactly(0, 400);
        assertThat(simulator.requests("GET", "/v1.0/users/" + user)).hasSize(1);
        assertThat(assignments(simUser(user), SPE_E5)).isEmpty();
        assertThat(storedUser(user).get("licenses").findValuesAsText("skuId")).doesNotContain(SPE_E5);
    }

    @Test
    void graphFailuresBecomeStableUserErrorsAndChangeNothingHere() {
        String user = enabledUserWithDirectE5();
        String path = "/v1\\.0/users/" + user + "/assignLicense";
        JsonNode storedBefore = storedUser(user);

        simulator.addFault(Map.of("method", "POST", "pathRegex", path, "times", 1, "status", 403));
        JsonNode forbidden = unassign(user, SPE_E5, false);
        assertThat(forbidden.get("userErrors").get(0).get("code").asText()).isEqualTo("PERMISSION_MISSING");
        assertThat(forbidden.get("userErrors").get(0).get("message").asText())
                .contains("LicenseAssignment.ReadWrite.All");
        assertThat(Audit.byId(forbidden.get("auditEventId").asText()).get("graphRequestId").asText())
                .isEqualTo(simulator.requests("POST", path.replace("\\", "")).get(0).get("requestId").asText());

        simulator.clearFaults();
        simulator.addFault(Map.of("method", "POST", "pathRegex", path, "status", 503));
        JsonNode unavailable = unassign(user, SPE_E5, false);
        assertThat(unavailable.get("userErrors").get(0).get("code").asText()).isEqualTo("GRAPH_UNAVAILABLE");
        assertThat(unavailable.get("userErrors").get(0).get("message").asText()).contains("repeating this mutation is safe");
        assertThat(simulator.requests("POST", path.replace("\\", "")).size()).isGreaterThan(2); // retried

        assertThat(storedUser(user)).isEqualTo(storedBefore);
        assertThat(assignments(simUser(user), SPE_E5)).hasSize(1);
    }

    @Test
    void onlyAdminsMayAndADeniedCallLeavesNoTrace() {
        String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
        int events = Audit.count();
        JsonNode denied = GraphQL.postAs(reader, UNASSIGN, Map.of("userId", JORG, "skuId", SPE_E5, "dryRun", false));
        assertThat(denied.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(simulator.requests(null, null)).isEmpty();
        assertThat(Audit.count()).isEqualTo(events);
    }

    static JsonNode json(String s) {
        try {
            return SimulatorClient.JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
