package io.m365insights.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestServices;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A first sync over HTTP against the simulated tenant: the API then answers with exactly the tenant's data. */
@QuarkusTest
class DirectorySyncTest {
    private final SimulatorClient simulator = SimulatorClient.current();
    private JsonNode tenant;

    @BeforeEach
    void syncTheSimulatedTenant() {
        simulator.reset();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        tenant = simulator.tenant();
    }

    @Test
    void listsEveryUserPageByPageWithExactlyTheFieldsWeStore() {
        // the users listing (the sign-in pass lists /users too, with $select=id,signInActivity: not this listing)
        List<JsonNode> pages = simulator.requests("GET", "/v1.0/users").stream()
                .filter(p -> !p.get("query").path("$select").asText().contains("signInActivity")).toList();
        assertThat(pages).hasSize(2); // 1,500 users at 999 per page
        JsonNode first = pages.get(0).get("query");
        assertThat(first.get("$top").asText()).isEqualTo("999");
        assertThat(Arrays.asList(first.get("$select").asText().split(","))).containsExactlyElementsOf(MsGraphClient.USER_FIELDS);
        assertThat(pages.get(1).get("query").has("$skiptoken")).isTrue();
        assertThat(pages).allMatch(p -> p.get("authorized").asBoolean());

        int count = GraphQL.data("{ users { totalCount } }").get("users").get("totalCount").asInt();
        assertThat(count).isEqualTo(TestServices.USERS).isEqualTo(tenant.get("users").size());
    }

    @Test
    void aNonAsciiUserHasTheSimulatorsFieldsExactly() {
        JsonNode expected = simulator.users(u -> u.get("displayName").asText().equals("Zoë Ødegård-Núñez")).get(0);
        JsonNode user = GraphQL.data("query($id: ID) { user(id: $id) { id userPrincipalName displayName mail "
                + "accountEnabled department jobTitle usageLocation createdAt deletedAt } }",
                Map.of("id", expected.get("id").asText())).get("user");
        assertThat(user.get("displayName").asText()).isEqualTo("Zoë Ødegård-Núñez");
        for (String field : List.of("userPrincipalName", "mail", "department", "jobTitle", "usageLocation")) {
            assertThat(user.get(field).asText()).as(field).isEqualTo(expected.get(field).asText());
        }
        assertThat(user.get("accountEnabled").asBoolean()).isEqualTo(expected.get("accountEnabled").asBoolean());
        assertThat(user.get("createdAt").asText()).isEqualTo(expected.get("createdDateTime").asText());
        assertThat(user.get("deletedAt").isNull()).isTrue();

        JsonNode byUpn = GraphQL.data("query($upn: String) { user(userPrincipalName: $upn) { id } }",
                Map.of("upn", expected.get("userPrincipalName").asText().toUpperCase())).get("user");
        assertThat(byUpn.get("id").asText()).isEqualTo(expected.get("id").asText());
    }

    @Test
    void everySkuHasTheSimulatorsSeatCounts() {
        JsonNode licenses = GraphQL.data("{ licenses { skuId skuPartNumber capabilityStatus total assigned "
                + "unassigned overAssigned suspended warning lockedOut } }").get("licenses");
        assertThat(licenses).hasSize(tenant.get("skus").size());
        Map<String, JsonNode> bySku = new HashMap<>();
        licenses.forEach(l -> bySku.put(l.get("skuId").asText(), l));
        for (JsonNode sku : tenant.get("skus")) {
            JsonNode l = bySku.get(sku.get("skuId").asText());
            int total = sku.get("enabled").asInt();
            int consumed = sku.get("consumed").asInt();
            assertThat(l.get("skuPartNumber").asText()).isEqualTo(sku.get("skuPartNumber").asText());
            assertThat(l.get("total").asInt()).as("total of %s", l).isEqualTo(total);
            assertThat(l.get("assigned").asInt()).as("assigned of %s", l).isEqualTo(consumed);
            assertThat(l.get("unassigned").asInt()).as("unassigned of %s", l).isEqualTo(Math.max(0, total - consumed));
            assertThat(l.get("overAssigned").asInt()).isEqualTo(Math.max(0, consumed - total));
            assertThat(l.get("suspended").asInt()).isEqualTo(sku.get("suspended").asInt());
            assertThat(l.get("warning").asInt()).isEqualTo(sku.get("warning").asInt());
        }
        assertThat(bySku.values()).anyMatch(l -> l.get("overAssigned").asInt() > 0);
        assertThat(bySku.values()).anyMatch(l -> l.get("capabilityStatus").asText().equals("SUSPENDED"));
    }

    @Test
    void aUserHoldingTheSameSkuDirectlyAndThroughAGroupShowsBoth() {
        JsonNode expected = simulator.users(u -> {
            Map<String, Integer> perSku = new HashMap<>();
            u.get("assignments").forEach(a -> perSku.merge(a.get("skuId").asText(), 1, Integer::sum));
            return perSku.values().stream().anyMatch(n -> n > 1);
        }).get(0);
        JsonNode licenses = GraphQL.data("query($id: ID) { user(id: $id) { licenses { direct assignedByGroupId state "
                + "disabledPlanIds license { skuId } } } }", Map.of("id", expected.get("id").asText()))
                .get("user").get("licenses");
        assertThat(licenses).hasSize(expected.get("assignments").size());
        List<String> actual = new ArrayList<>();
        licenses.forEach(l -> actual.add(l.get("license").get("skuId").asText() + "/" + l.get("assignedByGroupId").asText()
                + "/" + l.get("direct").asBoolean()));
        List<String> wanted = new ArrayList<>();
        expected.get("assignments").forEach(a -> wanted.add(a.get("skuId").asText() + "/" + a.get("groupId").asText()
                + "/" + a.get("groupId").isNull()));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(actual).anyMatch(s -> s.endsWith("/true")).anyMatch(s -> s.endsWith("/false"));
    }

    @Test
    void pagingThroughEveryUserGivesEachExactlyOnceInAStableOrder() {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("after", after);
            JsonNode page = GraphQL.data("query($after: String) { users(first: 400, after: $after, "
                    + "orderBy: {field: USER_PRINCIPAL_NAME}) { pageInfo { hasNextPage endCursor } "
                    + "edges { cursor node { id userPrincipalName } } } }", vars).get("users");
            page.get("edges").forEach(e -> seen.add(e.get("node").get("userPrincipalName").asText().toLowerCase()
                    + " " + e.get("node").get("id").asText()));
            after = page.get("pageInfo").get("hasNextPage").asBoolean() ? page.get("pageInfo").get("endCursor").asText() : null;
        } while (after != null);

        assertThat(seen).hasSize(TestServices.USERS);
        Set<String> ids = new HashSet<>();
        seen.forEach(s -> ids.add(s.split(" ")[1]));
        assertThat(ids).hasSize(TestServices.USERS);
        // UPNs are ASCII, so Java's order is PostgreSQL's: (upn, id) ascending
        assertThat(seen).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void filtersNarrowTheListAsTheTenantDataSays() {
        long disabled = simulator.users(u -> !u.get("accountEnabled").asBoolean()).size();
        long unlicensed = simulator.users(u -> {
            for (JsonNode a : u.get("assignments")) {
                if (!"Error".equals(a.get("state").asText())) {
                    return false;
                }
            }
            return true;
        }).size();
        String e5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
        long withE5 = simulator.users(u -> {
            for (JsonNode a : u.get("assignments")) {
                if (a.get("skuId").asText().equals(e5) && !"Error".equals(a.get("state").asText())) {
                    return true;
                }
            }
            return false;
        }).size();
        long sales = simulator.users(u -> "sales".equalsIgnoreCase(u.get("department").asText(""))).size();
        long noMail = simulator.users(u -> u.get("mail").isNull()).size();

        assertThat(count("{accountEnabled: false}")).isEqualTo(disabled).isPositive();
        assertThat(count("{licensed: false}")).isEqualTo(unlicensed).isPositive();
        assertThat(count("{skuId: \"" + e5 + "\"}")).isEqualTo(withE5).isPositive();
        assertThat(count("{department: \"SALES\"}")).isEqualTo(sales).isPositive();
        assertThat(noMail).isPositive();
        assertThat(count("{search: \"ødegård-núñez\"}")).isEqualTo(1);
        assertThat(count("{search: \"%\"}")).isZero(); // LIKE wildcards are matched literally
    }

    private static long count(String filter) {
        return GraphQL.data("{ users(filter: " + filter + ") { totalCount } }").get("users").get("totalCount").asLong();
    }
}
