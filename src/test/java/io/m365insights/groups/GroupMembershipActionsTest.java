package io.m365insights.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestServices;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * removeGroupMember and reprocessLicenses over HTTP against the simulator: every refusal as its own userError (and
 * none of them reaching Microsoft Graph when our data already knows), a removal exactly as the simulator received it,
 * the inherited license going asynchronously across syncs, dry runs that change nothing, and the audit trail.
 * Groups and members are picked from the simulator's raw data ({@code /_simulator/groups}).
 */
@QuarkusTest
class GroupMembershipActionsTest {
    private static final String REMOVE = """
            mutation($g: ID!, $u: ID!, $dry: Boolean) { removeGroupMember(input: {groupId: $g, userId: $u, dryRun: $dry}) {
              dryRun removed summary auditEventId group { id membershipChangeable }
              user { id licenses { assignedByGroupId } } userErrors { code message field } } }""";

    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset(TestServices.SEED, 400);
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
        simulator.clearRequests();
    }

    @AfterEach
    void restore() {
        simulator.clearFaults();
        simulator.reset();
    }

    private List<JsonNode> rawGroups() {
        List<JsonNode> out = new ArrayList<>();
        simulator.send("GET", "/_simulator/groups", null).get("groups").forEach(out::add);
        return out;
    }

    private JsonNode group(Predicate<JsonNode> kind) {
        return rawGroups().stream().filter(kind).filter(g -> !g.get("members").isEmpty()).findFirst().orElseThrow();
    }

    /** A cloud security group with assigned membership: the only kind Graph lets us change by hand. */
    private JsonNode staticCloudGroup() {
        return group(g -> !g.get("dynamic").asBoolean() && !g.get("onPremisesSynced").asBoolean()
                && !g.get("mailEnabled").asBoolean());
    }

    private static String firstMember(JsonNode g) {
        return g.get("members").get(0).get("id").asText();
    }

    private static JsonNode remove(String group, String user, boolean dryRun) {
        return GraphQL.data(REMOVE, Map.of("g", group, "u", user, "dry", dryRun)).get("removeGroupMember");
    }

    private List<JsonNode> graphWrites() {
        return simulator.requests(null, null).stream().filter(r -> !r.get("method").asText().equals("GET")
                && r.get("path").asText().startsWith("/v1.0/")).toList();
    }

    private static JsonNode userError(JsonNode payload, String code) {
        assertThat(payload.get("removed").asBoolean()).isFalse();
        assertThat(payload.get("userErrors")).hasSize(1);
        JsonNode e = payload.get("userErrors").get(0);
        assertThat(e.get("code").asText()).isEqualTo(code);
        return e;
    }

    private int memberCount(String group) {
        for (JsonNode g : GraphQL.data("{ licenseGroups { id memberCount } }").get("licenseGroups")) {
            if (g.get("id").asText().equals(group)) {
                return g.get("memberCount").asInt();
            }
        }
        throw new AssertionError("no group " + group);
    }

    private static List<String> inheritedFrom(JsonNode user, String group) {
        return user.get("assignments").findValuesAsText("groupId").stream().filter(group::equals).toList();
    }

    private JsonNode simUser(String id) {
        return simulator.users(u -> u.get("id").asText().equals(id)).get(0);
    }

    @Test
    void groupsWhoseMembershipGraphCannotChangeAreRefusedEachWithWhereToChangeIt() {
        List<String> earlier = Audit.events("{actions: [REMOVE_GROUP_MEMBER]}").stream().map(a -> a.get("id").asText())
                .toList();
        JsonNode dynamic = group(g -> g.get("dynamic").asBoolean());
        JsonNode synced = group(g -> g.get("onPremisesSynced").asBoolean());
        JsonNode mail = group(g -> g.get("mailEnabled").asBoolean() && !g.get("unified").asBoolean());

        JsonNode e = userError(remove(dynamic.get("id").asText(), firstMember(dynamic), false), "GROUP_MEMBERSHIP_DYNAMIC");
        assertThat(e.get("message").asText()).contains("membership rule").contains(dynamic.get("membershipRule").asText());
        assertThat(e.get("field").toString()).isEqualTo("[\"input\",\"groupId\"]");
        assertThat(userError(remove(synced.get("id").asText(), firstMember(synced), false),
                "GROUP_SYNCED_FROM_ON_PREMISES").get("message").asText()).contains("on-premises Active Directory");
        assertThat(userError(remove(mail.get("id").asText(), firstMember(mail), false), "GROUP_MAIL_ENABLED")
                .get("message").asText()).contains("Exchange");

        JsonNode group = staticCloudGroup();
        String g = group.get("id").asText();
        assertThat(userError(remove(UUID.randomUUID().toString(), firstMember(group), false), "GROUP_NOT_FOUND")
                .get("message").asText()).contains("licenseGroups");
        assertThat(userError(remove(g, UUID.randomUUID().toString(), false), "USER_NOT_FOUND")
                .get("field").toString()).contains("userId");
        List<String> members = group.get("members").findValuesAsText("id");
        String outsider = simulator.users(u -> !members.contains(u.get("id").asText())).get(0).get("id").asText();
        assertThat(userError(remove(g, outsider, false), "NOT_A_GROUP_MEMBER").get("message").asText())
                .contains("is not a member");
        assertThat(graphWrites()).as("refused from our data: Graph was never asked").isEmpty();

        // Graph's own refusals (our data out of date) and a missing permission
        simulator.addFault(Map.of("method", "DELETE", "pathRegex", "/v1\\.0/groups/.*", "times", 1, "status", 403));
        JsonNode forbidden = userError(remove(g, firstMember(group), false), "PERMISSION_MISSING");
        assertThat(forbidden.get("message").asText()).contains("GroupMember.ReadWrite.All");
        simulator.clearFaults();
        simulator.changeLicenses(firstMember(group), List.of(), List.of(Map.of("skuId", group.get("skuId").asText(),
                "groupId", g))); // left the group in Microsoft 365 since our last sync
        JsonNode gone = userError(remove(g, firstMember(group), false), "NOT_A_GROUP_MEMBER");
        assertThat(gone.get("message").asText()).contains("no such membership");
        assertThat(simulator.requests("DELETE", null)).extracting(r -> r.get("status").asInt()).containsExactly(403, 404);

        // every refusal is audited as failed
        List<JsonNode> audited = Audit.events("{actions: [REMOVE_GROUP_MEMBER]}").stream()
                .filter(a -> !earlier.contains(a.get("id").asText())).toList();
        assertThat(audited).hasSize(8).allMatch(a -> a.get("outcome").asText().equals("FAILED"));
        assertThat(audited).extracting(a -> a.get("errorCode").asText()).containsExactlyInAnyOrder(
                "GROUP_MEMBERSHIP_DYNAMIC", "GROUP_SYNCED_FROM_ON_PREMISES", "GROUP_MAIL_ENABLED", "GROUP_NOT_FOUND",
                "USER_NOT_FOUND", "NOT_A_GROUP_MEMBER", "PERMISSION_MISSING", "NOT_A_GROUP_MEMBER");
    }

    @Test
    void aRemovalReachesGraphAsTheRefDeleteAndTheInheritedLicenseGoesAtALaterSync() {
        JsonNode group = staticCloudGroup();
        String g = group.get("id").asText();
        String user = firstMember(group);
        int members = memberCount(g);

        JsonNode dry = remove(g, user, true);
        assertThat(dry.get("userErrors")).isEmpty();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("removed").asBoolean()).isFalse();
        assertThat(dry.get("summary").asText()).startsWith("Would remove").contains("Dry run: nothing changed");
        assertThat(graphWrites()).isEmpty();
        assertThat(memberCount(g)).isEqualTo(members);
        assertThat(inheritedFrom(simUser(user), g)).hasSize(1);

        JsonNode done = remove(g, user, false);
        assertThat(done.get("userErrors")).isEmpty();
        assertThat(done.get("removed").asBoolean()).isTrue();
        assertThat(done.get("group").get("membershipChangeable").asBoolean()).isTrue();
        List<JsonNode> writes = graphWrites();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).get("method").asText()).isEqualTo("DELETE");
        assertThat(writes.get(0).get("path").asText()).isEqualTo("/v1.0/groups/" + g + "/members/" + user + "/$ref");
        assertThat(writes.get(0).get("status").asInt()).isEqualTo(204);
        JsonNode event = Audit.byId(done.get("auditEventId").asText());
        assertThat(event.get("action").asText()).isEqualTo("REMOVE_GROUP_MEMBER");
        assertThat(event.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(event.get("actor").asText()).isEqualTo(GraphQL.ADMIN);
        assertThat(event.get("graphRequestId").asText()).isEqualTo(writes.get(0).get("requestId").asText());
        assertThat(Audit.byId(dry.get("auditEventId").asText()).get("dryRun").asBoolean()).isTrue();
        assertThat(memberCount(g)).isEqualTo(members - 1);
        // Microsoft 365 takes the license away asynchronously: still inherited in the next listing, gone after
        assertThat(done.get("user").get("licenses").findValuesAsText("assignedByGroupId")).contains(g);
        Syncs.syncNow();
        assertThat(userLicenseGroups(user)).contains(g);
        assertThat(memberCount(g)).isEqualTo(members - 1);
        Syncs.syncNow();
        assertThat(userLicenseGroups(user)).doesNotContain(g);
        assertThat(inheritedFrom(simUser(user), g)).isEmpty();
    }

    private static List<String> userLicenseGroups(String user) {
        return GraphQL.data("query($id: ID) { user(id: $id) { licenses { assignedByGroupId } } }", Map.of("id", user))
                .get("user").get("licenses").findValuesAsText("assignedByGroupId");
    }

    @Test
    void reprocessLicensesPostsToGraphAndIsAudited() {
        String user = firstMember(staticCloudGroup());
        String mutation = "mutation($u: ID!) { reprocessLicenses(input: {userId: $u}) { requested summary auditEventId "
                + "user { id } userErrors { code message } } }";
        JsonNode ok = GraphQL.data(mutation, Map.of("u", user)).get("reprocessLicenses");
        assertThat(ok.get("userErrors")).isEmpty();
        assertThat(ok.get("requested").asBoolean()).isTrue();
        assertThat(graphWrites()).extracting(r -> r.get("method").asText() + " " + r.get("path").asText())
                .containsExactly("POST /v1.0/users/" + user + "/reprocessLicenseAssignment");
        JsonNode event = Audit.byId(ok.get("auditEventId").asText());
        assertThat(event.get("action").asText()).isEqualTo("REPROCESS_LICENSES");
        assertThat(event.get("graphRequestId").asText()).isEqualTo(graphWrites().get(0).get("requestId").asText());

        JsonNode unknown = GraphQL.data(mutation, Map.of("u", UUID.randomUUID().toString())).get("reprocessLicenses");
        assertThat(unknown.get("userErrors").get(0).get("code").asText()).isEqualTo("USER_NOT_FOUND");
        simulator.addFault(Map.of("method", "POST", "pathRegex", ".*/reprocessLicenseAssignment", "times", 1,
                "status", 403));
        JsonNode forbidden = GraphQL.data(mutation, Map.of("u", user)).get("reprocessLicenses");
        assertThat(forbidden.get("userErrors").get(0).get("code").asText()).isEqualTo("PERMISSION_MISSING");
        assertThat(forbidden.get("userErrors").get(0).get("message").asText()).contains("User.ReadWrite.All");
    }
}
