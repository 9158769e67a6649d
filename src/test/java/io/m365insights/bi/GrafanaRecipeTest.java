package io.m365insights.bi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.IdleSeatExpectations;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.m365insights.testsupport.UsageExpectations;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana recipe of docs/bi.md, from its files: each panel's Infinity target is sent as Infinity sends it — POST to
 * the data source's URL plus the target's, the target's body content type, {@code {"query", "variables"}} with the
 * dashboard's time range put into the variables' macros, a bearer token as the client-credentials grant gives it — and
 * the rows at its root selector must be the dataset it draws, with the columns it names: the usage series counted
 * right, and the idle seats (for each value of the dashboard's license variable, itself sent as Infinity sends it)
 * the seats the raw data says are idle.
 */
@QuarkusTest
class GrafanaRecipeTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static UsageExpectations raw;

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestDatabase db;

    @BeforeEach
    void syncedOnce() {
        if (raw == null) {
            TestClock.setOffsetDays(0);
            SimulatorClient simulator = SimulatorClient.current();
            simulator.reset();
            db.clearUsage();
            db.clearActivity();
            Syncs.syncNow();
            UsageExpectations expectations = new UsageExpectations();
            LocalDate last = TestClock.latestReportDay();
            for (LocalDate d = last.minusDays(27); !d.isAfter(last); d = d.plusDays(1)) {
                expectations.addDay(simulator.usage(d));
            }
            raw = expectations;
        }
    }

    /** What Infinity sends for one target, with the variables as Grafana interpolates them; the rows it selects. */
    private JsonNode send(String baseUrl, String token, JsonNode target, String variables) throws Exception {
        JsonNode options = target.get("url_options");
        assertThat(target.get("type").asText()).isEqualTo("graphql");
        assertThat(options.get("method").asText()).isEqualTo("POST");
        Map<String, Object> body = Map.of("query", options.get("body_graphql_query").asText(),
                "variables", SimulatorClient.JSON.readTree(variables));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + target.get("url").asText()))
                .header("Content-Type", options.get("body_content_type").asText())
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(SimulatorClient.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = select(SimulatorClient.JSON.readTree(response.body()), target.get("root_selector").asText());
        for (JsonNode row : rows) {
            target.get("columns").forEach(c -> assertThat(field(row, c.get("selector").asText()).isMissingNode())
                    .as("column %s", c.get("selector")).isFalse());
        }
        return rows;
    }

    @Test
    void eachPanelsRequestGivesItsDataset() throws Exception {
        JsonNode source = YAML.readTree(Path.of("docs/grafana/datasource.yaml").toFile()).at("/datasources/0");
        assertThat(source.get("type").asText()).isEqualTo("yesoreyeram-infinity-datasource");
        assertThat(source.at("/jsonData/auth_method").asText()).isEqualTo("oauth2");
        assertThat(source.at("/jsonData/oauth2/oauth2_type").asText()).isEqualTo("client_credentials");
        String baseUrl = source.get("url").asText().replace("${M365_INSIGHTS_URL}", root.toString().replaceAll("/$", ""));
        String token = SimulatorClient.current().apiToken("grafana-service@contoso.com", Roles.READER);

        JsonNode dashboard = SimulatorClient.JSON.readTree(Path.of("docs/grafana/usage-dashboard.json").toFile());
        String usageSeries = document("usage-series");
        String idleSeats = document("idle-seats");
        LocalDate to = TestClock.today();
        LocalDate from = to.minusDays(20); // a dashboard range inside the stored window

        // the dashboard's variable: the licenses, skuPartNumber shown, skuId the value
        JsonNode variable = dashboard.at("/templating/list/0");
        assertThat(variable.get("name").asText()).isEqualTo("sku");
        JsonNode variableQuery = variable.at("/query/infinityQuery");
        assertThat(variableQuery.at("/url_options/body_graphql_query").asText()).isEqualTo(document("license-seats"));
        Map<String, String> skus = new TreeMap<>();
        for (JsonNode row : send(baseUrl, token, variableQuery, variableQuery.at("/url_options/body_graphql_variables")
                .asText())) {
            Map<String, String> byName = new HashMap<>();
            variableQuery.get("columns").forEach(c -> byName.put(c.get("text").asText(),
                    field(row, c.get("selector").asText()).asText()));
            skus.put(byName.get("__value"), byName.get("__text"));
        }
        IdleSeatExpectations oracle = new IdleSeatExpectations(SimulatorClient.current(), TestClock.today());
        Set<String> tenantSkus = new TreeSet<>();
        oracle.tenant().get("skus").forEach(s -> tenantSkus.add(s.get("skuId").asText()));
        assertThat(skus.keySet()).isEqualTo(tenantSkus);

        Set<String> kinds = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            JsonNode target = panel.at("/targets/0");
            // the committed document byte for byte: it stays accepted when only trusted documents are
            String query = target.at("/url_options/body_graphql_query").asText();
            String variables = target.at("/url_options/body_graphql_variables").asText()
                    .replace("${__from:date:YYYY-MM-DD}", from.toString()).replace("${__to:date:YYYY-MM-DD}", to.toString());
            if (query.equals(usageSeries)) {
                kinds.add("usage");
                JsonNode apps = SimulatorClient.JSON.readTree(variables).get("apps");
                Map<String, Integer> got = new HashMap<>();
                for (JsonNode row : send(baseUrl, token, target, variables)) {
                    got.put(row.get("periodStart").asText() + "/" + row.get("app").asText(), row.get("activeUsers").asInt());
                }
                Map<String, Integer> expected = new HashMap<>();
                apps.forEach(app -> raw.expected(from, to, "DAY", app.asText(), null)
                        .forEach((day, n) -> expected.put(day + "/" + app.asText(), n)));
                assertThat(got).as(panel.get("title").asText()).isNotEmpty().isEqualTo(expected);
            } else {
                assertThat(query).as(panel.get("title").asText()).isEqualTo(idleSeats);
                assertThat(target.get("format").asText()).isEqualTo("table");
                kinds.add("idle seats");
                int seats = 0;
                for (String sku : skus.keySet()) {
                    Set<String> got = new TreeSet<>();
                    for (JsonNode row : send(baseUrl, token, target, variables.replace("${sku}", sku))) {
                        got.add(row.at("/user/id").asText());
                    }
                    assertThat(got).as(skus.get(sku)).isEqualTo(oracle.expectedIdle(sku, 30, true));
                    seats += got.size();
                }
                assertThat(seats).isPositive();
            }
        }
        assertThat(kinds).containsExactly("idle seats", "usage");
    }

    private static String document(String name) throws IOException {
        return Files.readString(Path.of("graphql-schema/bi/" + name + ".graphql"), StandardCharsets.UTF_8);
    }

    /** A column's selector, a dot path into the row (Infinity's backend parser reads nested fields so). */
    private static JsonNode field(JsonNode row, String selector) {
        JsonNode node = row;
        for (String part : selector.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Infinity's root selector as a dot path. */
    private static JsonNode select(JsonNode json, String selector) {
        JsonNode node = json;
        for (String part : selector.split("\\.")) {
            node = node.path(part);
        }
        assertThat(node.isArray()).as("%s in %s", selector, json).isTrue();
        return node;
    }
}
