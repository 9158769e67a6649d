package io.m365insights.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licensing groups, checked against the simulator's raw groups and users (its control API): every group with its
 * kind, flags, licenses and member count as Graph listed them; membersInError from the members' inherited assignment
 * states (CountViolation where the group has more members than seats); License.groups and LicenseAssignment.group;
 * the advanced query really sent with ConsistencyLevel on every page; a missing Group.Read.All named; licenseInError.
 */
@QuarkusTest
class LicenseGroupsTest {
    private static final String GROUP_FIELDS = "id displayName kind dynamic onPremisesSynced membershipRule "
            + "membershipChangeable memberCount membersInError licenses { skuId }";

    /** Small enough for one API page of users; every kind of group still has members. */
    private static final int USERS = 400;
    private static final int PAGE = 5;

    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset(io.m365insights.testsupport.TestServices.SEED, USERS);
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "GROUPS").get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
        simulator.reset(); // the default tenant for the tests that follow
    }

    private List<JsonNode> rawGroups() {
        List<JsonNode> out = new ArrayList<>();
        simulator.send("GET", "/_simulator/groups", null).get("groups").forEach(out::add);
        return out;
    }

    private static boolean inError(JsonNode assignment) {
        String state = assignment.path("state").asText("");
        return !assignment.path("error").isNull() && assignment.has("error")
                || state.equals("Error") || state.equals("ActiveWithError");
    }

    /** The expected line of a group, from the raw data alone. */
    private static String expected(JsonNode g) {
        boolean unified = g.get("unified").asBoolean();
        boolean mailSecurity = !unified && g.get("mailEnabled").asBoolean() && g.get("securityEnabled").asBoolean();
        String kind = unified ? "MICROSOFT_365" : mailSecurity ? "MAIL_ENABLED_SECURITY" : "SECURITY";
        boolean dynamic = g.get("dynamic").asBoolean();
        boolean synced = g.get("onPremisesSynced").asBoolean();
        int inError = 0;
        for (JsonNode m : g.get("members")) {
            if (inError(m)) {
                inError++;
            }
        }
        return String.join("|", g.get("displayName").asText(), kind, "" + dynamic, "" + synced,
                g.get("membershipRule").isNull() ? "null" : g.get("membershipRule").asText(),
                "" + (!dynamic && !synced && !mailSecurity), "" + g.get("members").size(), "" + inError,
                g.get("skuId").asText());
    }

    private static String actual(JsonNode g) {
        List<String> skus = new ArrayList<>();
        g.get("licenses").forEach(l -> skus.add(l.get("skuId").asText()));
        return String.join("|", g.get("displayName").asText(), g.get("kind").asText(), g.get("dynamic").asText(),
                g.get("onPremisesSynced").asText(),
                g.get("membershipRule").isNull() ? "null" : g.get("membershipRule").asText(),
                g.get("membershipChangeable").asText(), g.get("memberCount").asText(), g.get("membersInError").asText(),
                String.join(",", skus));
    }

    @Test
    void licenseGroupsAreTheGroupsMicrosoftGraphListsWithTheirKindMembersAndErrors() {
        Map<String, String> expected = new TreeMap<>();
        rawGroups().forEach(g -> expected.put(g.get("id").asText(), expected(g)));
        Map<String, String> actual = new TreeMap<>();
        GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").get("licenseGroups")
                .forEach(g -> actual.put(g.get("id").asText(), actual(g)));
        assertThat(actual).isEqualTo(expected);

        // the simulated tenant has one group of each kind, and the CountViolation of a group with more members than seats
        List<JsonNode> api = new ArrayList<>();
        GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").get("licenseGroups").forEach(api::add);
        assertThat(api).anyMatch(g -> g.get("kind").asText().equals("SECURITY") && g.get("membershipChangeable").asBoolean())
                .anyMatch(g -> g.get("kind").asText().equals("MICROSOFT_365"))
                .anyMatch(g -> g.get("kind").asText().equals("MAIL_ENABLED_SECURITY")
                        && !g.get("membershipChangeable").asBoolean())
                .anyMatch(g -> g.get("dynamic").asBoolean() && !g.get("membershipRule").isNull()
                        && !g.get("membershipChangeable").asBoolean())
                .anyMatch(g -> g.get("onPremisesSynced").asBoolean() && !g.get("membershipChangeable").asBoolean())
                .anyMatch(g -> g.get("membersInError").asInt() > 0);
        JsonNode full = rawGroups().stream().filter(g -> g.get("members").findValuesAsText("error")
                .contains("CountViolation")).findFirst().orElseThrow();
        assertThat(full.get("members").size()).as("more members than the SKU has seats")
                .isGreaterThan(full.get("members").size() - countErrors(full) + Math.max(0, full.get("skuFreeUnits").asInt()));
    }

    private static int countErrors(JsonNode g) {
        int n = 0;
        for (JsonNode m : g.get("members")) {
            if ("CountViolation".equals(m.path("error").asText(null))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theAdvancedQueryIsSentWithConsistencyLevelOnEveryPageAndMembersArePaged() {
        simulator.maxPageSize(PAGE); // several pages of groups and of members
        simulator.clearRequests();
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "GROUPS").get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");

        List<JsonNode> listings = simulator.requests("GET", "/v1.0/groups");
        assertThat(listings).hasSizeGreaterThan(1);
        for (JsonNode r : listings) {
            assertThat(r.at("/headers/consistencylevel").asText()).as("%s", r).isEqualTo("eventual");
            assertThat(r.at("/query/$filter").asText()).isEqualTo("assignedLicenses/$count ne 0");
            assertThat(r.at("/query/$count").asText()).isEqualTo("true");
            assertThat(new TreeSet<>(List.of(r.at("/query/$select").asText().split(","))))
                    .containsExactlyInAnyOrder("id", "displayName", "assignedLicenses", "groupTypes", "mailEnabled",
                            "securityEnabled", "onPremisesSyncEnabled", "membershipRule");
            assertThat(r.get("status").asInt()).isEqualTo(200);
        }
        List<JsonNode> raw = rawGroups();
        int expectedPages = 0;
        for (JsonNode g : raw) {
            int members = g.get("members").size();
            expectedPages += Math.max(1, (members + PAGE - 1) / PAGE);
            List<JsonNode> pages = simulator.requests("GET", "/v1.0/groups/" + g.get("id").asText() + "/members");
            pages.forEach(p -> {
                assertThat(p.at("/query/$select").asText()).isEqualTo("id");
                assertThat(p.at("/query/$top").asText()).isEqualTo("999");
            });
        }
        long memberPages = simulator.requests("GET", null).stream()
                .filter(p -> p.get("path").asText().matches("/v1\\.0/groups/[^/]+/members")).count();
        assertThat(memberPages).isEqualTo(expectedPages);
        // paged or not, the same groups and counts
        Map<String, String> expected = new TreeMap<>();
        raw.forEach(g -> expected.put(g.get("id").asText(), expected(g)));
        Map<String, String> actual = new TreeMap<>();
        GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").get("licenseGroups")
                .forEach(g -> actual.put(g.get("id").asText(), actual(g)));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyLicenseListsTheGroupsGrantingItAndEveryInheritedAssignmentItsGroup() {
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (JsonNode g : rawGroups()) {
            expected.computeIfAbsent(g.get("skuId").asText(), k -> new TreeSet<>()).add(g.get("id").asText());
            names.put(g.get("id").asText(), g.get("displayName").asText());
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JsonNode l : GraphQL.data("{ licenses { skuId groups { id } } }").get("licenses")) {
            Set<String> ids = new TreeSet<>(l.get("groups").findValuesAsText("id"));
            if (!ids.isEmpty()) {
                actual.put(l.get("skuId").asText(), ids);
            }
        }
        assertThat(actual).isEqualTo(expected);

        JsonNode users = GraphQL.data("{ users(first: 500) { nodes { id licenses { assignedByGroupId direct "
                + "group { id displayName } } } } }").at("/users/nodes");
        int inherited = 0;
        for (JsonNode u : users) {
            for (JsonNode a : u.get("licenses")) {
                if (a.get("direct").asBoolean()) {
                    assertThat(a.get("group").isNull()).isTrue();
                } else {
                    inherited++;
                    assertThat(a.at("/group/id").asText()).isEqualTo(a.get("assignedByGroupId").asText());
                    assertThat(a.at("/group/displayName").asText()).isEqualTo(names.get(a.get("assignedByGroupId").asText()));
                }
            }
        }
        assertThat(inherited).isPositive();
    }

    @Test
    void withoutGroupReadAllThePartFailsNamingItAndTheOtherPartsSucceed() {
        String before = GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").toString();
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/groups", "status", 403,
                "code", "Authorization_RequestDenied"));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        JsonNode part = Syncs.part(run, "GROUPS");
        assertThat(part.get("status").asText()).isEqualTo("FAILED");
        assertThat(part.get("detail").asText()).contains("Group.Read.All");
        for (JsonNode p : run.get("parts")) {
            if (!p.get("part").asText().equals("GROUPS")) {
                assertThat(p.get("status").asText()).as("%s", p).isEqualTo("SUCCEEDED");
            }
        }
        assertThat(GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").toString()).as("the last good data")
                .isEqualTo(before);
    }

    @Test
    void aFailedMembersPageChangesNothing() {
        String before = GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").toString();
        String someGroup = rawGroups().get(1).get("id").asText();
        simulator.send("POST", "/_simulator/users/" + rawGroups().get(1).get("members").get(0).get("id").asText()
                + "/licenses", Map.of("remove", List.of(Map.of("skuId", rawGroups().get(1).get("skuId").asText(),
                "groupId", someGroup))));
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/groups/" + someGroup + "/members",
                "status", 400));
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "GROUPS").get("status").asText()).isEqualTo("FAILED");
        assertThat(GraphQL.data("{ licenseGroups { " + GROUP_FIELDS + " } }").toString())
                .as("complete or nothing").isEqualTo(before);
    }

    @Test
    void licenseInErrorFiltersTheUsersWithAnAssignmentInError() {
        Set<String> expected = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (JsonNode u : simulator.tenant().get("users")) {
            all.add(u.get("id").asText());
            for (JsonNode a : u.get("assignments")) {
                if (inError(a)) {
                    expected.add(u.get("id").asText());
                }
            }
        }
        assertThat(expected).isNotEmpty();
        JsonNode inError = GraphQL.data("{ users(first: 500, filter: {licenseInError: true}) { totalCount nodes { id } } }")
                .get("users");
        assertThat(new HashSet<>(inError.get("nodes").findValuesAsText("id"))).isEqualTo(expected);
        assertThat(inError.get("totalCount").asInt()).isEqualTo(expected.size());
        Set<String> fine = new HashSet<>(all);
        fine.removeAll(expected);
        JsonNode ok = GraphQL.data("{ users(first: 500, filter: {licenseInError: false}) { totalCount nodes { id } } }")
                .get("users");
        assertThat(new HashSet<>(ok.get("nodes").findValuesAsText("id"))).isEqualTo(fine);
    }
}
