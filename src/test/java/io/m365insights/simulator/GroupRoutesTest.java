package io.m365insights.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365insights.simulator.http.GraphSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's licensing-group routes honour the advanced query of CONTRACT.md §10.5 and page members. */
class GroupRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "?$filter=" + enc("assignedLicenses/$count ne 0") + "&$count=true&$select="
            + enc("id,displayName,assignedLicenses,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,membershipRule");
    private static GraphSimulator sim;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSimulator.start(SimulatorOptions.defaults().withUsers(300).withClientSecret("s3cret"));
        token = SimulatorTokens.appToken(sim, "s3cret");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void freshTenant() {
        sim.reset(42, 300);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> get(String urlOrPath, boolean eventual) throws Exception {
        URI uri = URI.create(urlOrPath.startsWith("http") ? urlOrPath : sim.graphBaseUrl() + urlOrPath);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
        if (eventual) {
            b.header("ConsistencyLevel", "eventual");
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdvancedQueryNeedsConsistencyLevelAndCount() throws Exception {
        HttpResponse<String> without = get("/groups" + QUERY, false);
        assertThat(without.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(without.body()).at("/error/code").asText()).isEqualTo("Request_UnsupportedQuery");
        assertThat(JSON.readTree(without.body()).at("/error/message").asText()).contains("ConsistencyLevel:eventual");
        HttpResponse<String> noCount = get("/groups" + QUERY.replace("&$count=true", ""), true);
        assertThat(noCount.statusCode()).isEqualTo(400);

        JsonNode ok = JSON.readTree(get("/groups" + QUERY, true).body());
        assertThat(ok.get("@odata.count").asInt()).isEqualTo(6);
        List<JsonNode> groups = new ArrayList<>();
        ok.get("value").forEach(groups::add);
        assertThat(groups).hasSize(6)
                .anyMatch(g -> g.get("groupTypes").toString().contains("Unified"))
                .anyMatch(g -> g.get("groupTypes").toString().contains("DynamicMembership")
                        && !g.get("membershipRule").isNull())
                .anyMatch(g -> g.get("onPremisesSyncEnabled").asBoolean())
                .anyMatch(g -> g.get("groupTypes").isEmpty() && g.get("mailEnabled").asBoolean()
                        && g.get("securityEnabled").asBoolean())
                .allMatch(g -> g.get("assignedLicenses").size() == 1);
    }

    @Test
    void groupsAndMembersArePagedWithNextLinksAndCountOnlyOnTheFirstPage() throws Exception {
        sim.maxPageSize(4);
        JsonNode first = JSON.readTree(get("/groups" + QUERY, true).body());
        assertThat(first.get("value")).hasSize(4);
        String next = first.get("@odata.nextLink").asText();
        assertThat(get(next, false).statusCode()).as("the header must be sent again").isEqualTo(400);
        JsonNode second = JSON.readTree(get(next, true).body());
        assertThat(second.get("value")).hasSize(2);
        assertThat(second.has("@odata.count")).isFalse();
        assertThat(second.has("@odata.nextLink")).isFalse();

        String groupId = first.get("value").get(0).get("id").asText();
        Set<String> members = new HashSet<>();
        String url = "/groups/" + groupId + "/members?$select=id&$top=999";
        int pages = 0;
        while (url != null) {
            JsonNode page = JSON.readTree(get(url, false).body());
            page.get("value").forEach(m -> members.add(m.get("id").asText()));
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            pages++;
        }
        int expected = sim.tenant().read(t -> (int) t.users().stream().filter(u -> u.assignments.stream()
                .anyMatch(a -> groupId.equals(String.valueOf(a.groupId())))).count());
        assertThat(members).hasSize(expected);
        assertThat(pages).isEqualTo((expected + 3) / 4);
        assertThat(get("/groups/" + groupId + "/members?$top=1000", false).statusCode()).isEqualTo(400);
        assertThat(get("/groups/00000000-0000-0000-0000-000000000001/members", false).statusCode()).isEqualTo(404);
    }
}
