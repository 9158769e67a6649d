package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.m365insights.testsupport.Tenant42.JORG;
import static io.m365insights.testsupport.Tenant42.SPE_E5;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's conventions, as a client sees them: every type and enum value described; global ids that are unique
 * and refetchable with node(id:); object references beside raw ids; non-null list items in arguments.
 */
@QuarkusTest
class SchemaConventionsTest {
    private static boolean synced;

    @BeforeEach
    void syncedOnce() {
        if (!synced) {
            SimulatorClient.current().reset();
            Syncs.syncNow();
            synced = true;
        }
    }

    @Test
    void everyTypeAndEveryEnumValueHasADescription() {
        JsonNode types = GraphQL.data("{ __schema { types { name kind description "
                + "enumValues(includeDeprecated: true) { name description } } } }").at("/__schema/types");
        List<String> missing = new ArrayList<>();
        for (JsonNode t : types) {
            String name = t.get("name").asText();
            if (name.startsWith("__") || Set.of("String", "Boolean", "Int", "Float", "ID").contains(name)) {
                continue; // GraphQL's own
            }
            if (t.get("description").asText("").isBlank()) {
                missing.add(name);
            }
            for (JsonNode v : t.path("enumValues")) {
                if (v.get("description").asText("").isBlank()) {
                    missing.add(name + "." + v.get("name").asText());
                }
            }
        }
        assertThat(missing).as("types and enum values without a description").isEmpty();
    }

    @Test
    void nodeIdsAreUniqueAcrossTypesAndFetchTheSameObjectAgain() {
        JsonNode data = GraphQL.data("""
                { users(first: 3) { nodes { id nodeId } }
                  licenses { skuId nodeId }
                  syncStatus { lastRun { id nodeId } }
                  auditEvents(first: 3) { nodes { id nodeId } } }""");
        Map<String, String> expected = new HashMap<>(); // nodeId -> "Type key"
        data.at("/users/nodes").forEach(u -> expected.put(u.get("nodeId").asText(), "User " + u.get("id").asText()));
        data.get("licenses").forEach(l -> expected.put(l.get("nodeId").asText(), "License " + l.get("skuId").asText()));
        JsonNode run = data.at("/syncStatus/lastRun");
        expected.put(run.get("nodeId").asText(), "SyncRun " + run.get("id").asText());
        data.at("/auditEvents/nodes").forEach(e -> expected.put(e.get("nodeId").asText(),
                "AuditEvent " + e.get("id").asText()));
        int objects = data.at("/users/nodes").size() + data.get("licenses").size() + 1 + data.at("/auditEvents/nodes").size();
        assertThat(data.at("/auditEvents/nodes")).isNotEmpty(); // the sync's syncNow
        assertThat(expected).as("one nodeId per object").hasSize(objects);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode node = GraphQL.data("query($id: ID!) { node(id: $id) { __typename nodeId "
                            + "... on User { key: id } ... on License { key: skuId } ... on SyncRun { key: id } "
                            + "... on AuditEvent { key: id } } }", Map.of("id", e.getKey())).get("node");
            assertThat(node.get("__typename").asText() + " " + node.get("key").asText()).isEqualTo(e.getValue());
            assertThat(node.get("nodeId").asText()).isEqualTo(e.getKey());
        }
    }

    @Test
    void anAuditEventNodeNeedsTheAdminRoleLikeTheAuditLog() {
        String nodeId = GraphQL.data("{ auditEvents(first: 1) { nodes { nodeId } } }").at("/auditEvents/nodes/0/nodeId")
                .asText();
        String reader = SimulatorClient.current().apiToken("rita.reader@contoso.com", Roles.READER);
        JsonNode response = GraphQL.postAs(reader, "query($id: ID!) { node(id: $id) { nodeId } }", Map.of("id", nodeId));
        assertThat(response.at("/data/node").isNull()).isTrue();
        assertThat(response.get("errors").toString()).contains("needs the role " + Roles.ADMIN);
        String userNode = GraphQL.data("{ users(first: 1) { nodes { nodeId } } }").at("/users/nodes/0/nodeId").asText();
        assertThat(GraphQL.postAs(reader, "query($id: ID!) { node(id: $id) { nodeId } }", Map.of("id", userNode))
                .at("/data/node/nodeId").asText()).isEqualTo(userNode);
    }

    @Test
    void anIdThatIsNotAGlobalIdIsAClearError() {
        JsonNode response = GraphQL.post("{ node(id: \"42\") { nodeId } }", Map.of());
        assertThat(response.get("errors").toString()).contains("is not a global id");
    }

    @Test
    void auditEventsNameTheirUserAndLicenseAsObjects() {
        String unknownUser = "00000000-0000-4000-8000-0000000000ee";
        for (String user : List.of(JORG, unknownUser)) {
            GraphQL.data("mutation($u: ID!) { unassignLicense(input: {userId: $u, skuId: \"" + SPE_E5
                    + "\", dryRun: true}) { removed } }", Map.of("u", user));
        }
        String events = "query($u: ID) { auditEvents(first: 20, filter: {userId: $u, actions: [UNASSIGN_LICENSE]}) { "
                + "nodes { userId skuId user { id userPrincipalName } license { skuId skuPartNumber } } } }";
        JsonNode jorg = GraphQL.data(events, Map.of("u", JORG)).at("/auditEvents/nodes");
        assertThat(jorg).isNotEmpty();
        for (JsonNode e : jorg) {
            assertThat(e.at("/user/id").asText()).isEqualTo(JORG);
            assertThat(e.at("/license/skuId").asText()).isEqualTo(e.get("skuId").asText());
        }
        assertThat(jorg.get(0).at("/license/skuPartNumber").asText()).isEqualTo("SPE_E5");
        JsonNode unknown = GraphQL.data(events, Map.of("u", unknownUser)).at("/auditEvents/nodes/0");
        assertThat(unknown.get("userId").asText()).as("the raw id stays").isEqualTo(unknownUser);
        assertThat(unknown.get("user").isNull()).as("no such user in our directory").isTrue();
        JsonNode sync = GraphQL.data("{ auditEvents(first: 1, filter: {actions: [SYNC_NOW]}) { nodes { userId user { id } "
                + "license { skuId } } } }").at("/auditEvents/nodes/0");
        assertThat(sync.get("user").isNull()).isTrue();
        assertThat(sync.get("license").isNull()).isTrue();
    }

    @Test
    void planItemsNameTheirUserAndLicenseAndCountAllPages() {
        JsonNode items = GraphQL.data("{ offboardingPlan { items(first: 2) { totalCount "
                + "nodes { userId skuId userPrincipalName user { id userPrincipalName } license { skuId } } } "
                + "removals needsGroupChange exempt waiting } }").at("/offboardingPlan");
        int all = items.get("removals").asInt() + items.get("needsGroupChange").asInt() + items.get("exempt").asInt()
                + items.get("waiting").asInt();
        assertThat(all).isGreaterThan(2); // so that totalCount is more than one page
        assertThat(items.at("/items/totalCount").asInt()).isEqualTo(all);
        for (JsonNode i : items.at("/items/nodes")) {
            assertThat(i.at("/user/id").asText()).isEqualTo(i.get("userId").asText());
            assertThat(i.at("/user/userPrincipalName").asText()).isEqualTo(i.get("userPrincipalName").asText());
            assertThat(i.at("/license/skuId").asText()).isEqualTo(i.get("skuId").asText());
        }
        int removals = GraphQL.data("{ offboardingPlan { items(first: 1, actions: [REMOVE]) { totalCount } } }")
                .at("/offboardingPlan/items/totalCount").asInt();
        assertThat(removals).isEqualTo(items.get("removals").asInt());
    }

    private static final String USAGE = "query($apps: [UsageApp], $platforms: [Platform]) { usage(from: \"2026-12-01\", "
            + "to: \"2026-12-02\", apps: $apps, platforms: $platforms) { app platform } }";

    @Test
    void listArgumentsTakeNonNullItemsAndOldVariableTypesStillWork() {
        Set<String> apps = new HashSet<>();
        GraphQL.data(USAGE, Map.of("apps", List.of("TEAMS", "WORD"), "platforms", List.of("WEB")))
                .get("usage").forEach(p -> apps.add(p.get("app").asText() + "/" + p.get("platform").asText()));
        Set<String> withNewTypes = new HashSet<>();
        GraphQL.data(USAGE.replace("[UsageApp]", "[UsageApp!]").replace("[Platform]", "[Platform!]"),
                        Map.of("apps", List.of("TEAMS", "WORD"), "platforms", List.of("WEB")))
                .get("usage").forEach(p -> withNewTypes.add(p.get("app").asText() + "/" + p.get("platform").asText()));
        assertThat(apps).isEqualTo(withNewTypes).isSubsetOf(Set.of("TEAMS/WEB", "WORD/WEB"));
        assertThat(GraphQL.data("{ usage(from: \"2026-12-01\", to: \"2026-12-02\", apps: [TEAMS], platforms: [WEB]) "
                + "{ app } }").get("usage")).allMatch(p -> p.get("app").asText().equals("TEAMS"));
    }

    @Test
    void aNullItemInAListArgumentIsAClearError() {
        List<String> withNull = new ArrayList<>(List.of("TEAMS"));
        withNull.add(null);
        Map<String, Object> vars = new HashMap<>();
        vars.put("apps", withNull);
        JsonNode viaVariable = GraphQL.post(USAGE, vars);
        assertThat(viaVariable.path("data").path("usage").isMissingNode() || viaVariable.at("/data/usage").isNull())
                .isTrue();
        assertThat(viaVariable.get("errors").toString()).contains("apps").containsIgnoringCase("null");
        JsonNode literal = GraphQL.post("{ usage(from: \"2026-12-01\", to: \"2026-12-02\", platforms: [WEB, null]) "
                + "{ app } }", Map.of());
        assertThat(literal.get("errors").toString()).contains("platforms[1]").contains("must not be null");
    }
}
