package io.m365insights.api.planned;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLSchema;
import io.m365insights.api.documents.TrustedDocuments;
import io.m365insights.testsupport.EngineAnswers;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planned users page or usage series answers byte for byte as SmallRye GraphQL's engine answers the same request,
 * and only the documents and requests the plan can answer so are answered from it: every users page and series the
 * API documents (the trusted ones, the benchmark's), every property the plan serves, each filter and order, later
 * pages, an empty page, users without licenses or activity, series by day, week and month. Requests it must leave to the engine (bad arguments, no access, shapes it does
 * not plan) get the engine's answer, errors included. The engine's answers come from its execution service itself
 * (EngineAnswers), not through our HTTP handler; the plan's over HTTP, where it is used.
 */
@QuarkusTest
class PlannedQueriesTest {
    private static final String EVERY_PROPERTY = """
            query Every($first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {
              users(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges {
                  cursor
                  node {
                    nodeId id userPrincipalName displayName mail accountEnabled department jobTitle usageLocation
                    createdAt deletedAt firstSeenAt usageStatus lastActivityDate lastActivationDate
                    licenses {
                      direct assignedByGroupId state error assignedSince lastUpdatedAt disabledPlanIds
                      license { nodeId skuId skuPartNumber capabilityStatus appliesTo total assigned unassigned
                                overAssigned suspended warning lockedOut removedAt }
                    }
                  }
                }
              }
            }""";
    private static final String SERIES = """
            query Series($from: Date!, $to: Date!, $g: Granularity) {
              usage(from: $from, to: $to, granularity: $g, apps: [TEAMS, OUTLOOK], platforms: [WEB, MOBILE]) {
                activeUsers platform app periodStart
              }
            }""";
    private static final String NODES = """
            query Nodes($first: Int, $filter: UserFilter) {
              users(first: $first, filter: $filter) { nodes { id displayName lastActivityDate licenses { state } } }
            }""";

    @Inject
    GraphQLSchema schema;
    @Inject
    io.smallrye.graphql.schema.model.Schema model;
    @Inject
    CurrentIdentityAssociation identity;
    @Inject
    PlannedQueries planned;

    private ExecutionService engine;

    @BeforeEach
    void tenant() {
        SimulatorClient.current().reset();
        Syncs.syncNow();
        engine = new ExecutionService(schema, model);
    }

    @Test
    void plannedPagesAnswerAsTheEngine() throws Exception {
        String skuId = GraphQL.data("{ licenses { skuId } }").get("licenses").get(0).get("skuId").asText();
        JsonNode firstPage = GraphQL.data("{ users(first: 7) { pageInfo { endCursor } } }");
        String cursor = firstPage.get("users").get("pageInfo").get("endCursor").asText();
        String bench = Files.readString(Path.of("bench/queries/users.graphql"));
        TrustedDocuments trusted = TrustedDocuments.load(getClass().getClassLoader());
        String usersPage = trusted.find("examples/users-page").orElseThrow().text();
        String withLicenses = trusted.find("bi/users-with-licenses").orElseThrow().text();

        Map<String, Map.Entry<String, Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("the benchmark's users(first: 100)", Map.entry(bench, Map.of()));
        cases.put("examples/users-page", Map.entry(usersPage, Map.of()));
        cases.put("examples/users-page, a later page", Map.entry(usersPage, Map.of("after", cursor)));
        cases.put("bi/users-with-licenses", Map.entry(withLicenses, Map.of("first", 100)));
        cases.put("bi/users-with-licenses, deleted users too", Map.entry(withLicenses,
                Map.of("first", 500, "includeDeleted", true)));
        cases.put("every property, deleted users too", Map.entry(EVERY_PROPERTY,
                Map.of("first", 500, "filter", Map.of("includeDeleted", true))));
        cases.put("every property, after a cursor, by name descending", Map.entry(EVERY_PROPERTY, Map.of("first", 10,
                "orderBy", Map.of("field", "USER_PRINCIPAL_NAME", "direction", "DESC"))));
        cases.put("every property, order direction only", Map.entry(EVERY_PROPERTY,
                Map.of("first", 20, "orderBy", Map.of("direction", "DESC"))));
        cases.put("every property, a later page", Map.entry(EVERY_PROPERTY, Map.of("first", 5, "after", cursor)));
        cases.put("every property, an empty page", Map.entry(EVERY_PROPERTY, Map.of("first", 0)));
        cases.put("every property, the default page size", Map.entry(EVERY_PROPERTY, Map.of()));
        cases.put("unlicensed users", Map.entry(EVERY_PROPERTY, Map.of("filter", Map.of("licensed", false))));
        cases.put("disabled users", Map.entry(EVERY_PROPERTY, Map.of("filter", Map.of("accountEnabled", false))));
        cases.put("holders of a SKU", Map.entry(NODES, Map.of("filter", Map.of("skuId", skuId))));
        cases.put("a search", Map.entry(NODES, Map.of("filter", Map.of("search", "a", "licenseInError", false))));
        cases.put("inactive for 30 days", Map.entry(NODES, Map.of("first", 200, "filter", Map.of("inactiveForDays", 30))));
        String from = TestClock.START_DAY.minusDays(30).toString();
        String to = TestClock.START_DAY.minusDays(2).toString();
        cases.put("the benchmark's usage series", Map.entry(Files.readString(Path.of("bench/queries/usage.graphql")),
                Map.of("from", from, "to", to)));
        cases.put("examples/usage-weekly-by-platform", Map.entry(
                trusted.find("examples/usage-weekly-by-platform").orElseThrow().text(), Map.of()));
        cases.put("a daily series of two apps on two platforms", Map.entry(SERIES, Map.of("from", from, "to", to)));
        cases.put("a monthly series", Map.entry(SERIES, Map.of("from", from, "to", to, "g", "MONTH")));
        cases.put("a series on every platform, every app", Map.entry("query($from: Date!, $to: Date!) { usage(from: "
                + "$from, to: $to, granularity: WEEK) { periodStart app platform activeUsers } }",
                Map.of("from", from, "to", to)));
        cases.put("literal arguments", Map.entry("{ users(first: 3, filter: {department: \"Sales\", licensed: true}, "
                + "orderBy: {field: DISPLAY_NAME}) { totalCount nodes { displayName usageStatus } } }", Map.of()));

        for (var c : cases.entrySet()) {
            String document = c.getValue().getKey();
            Map<String, Object> variables = c.getValue().getValue();
            String expected = EngineAnswers.execute(engine, identity, document, variables);
            assertThat(expected).as(c.getKey()).startsWith("{\"data\":{\"").doesNotContain("\"errors\"");
            if (variables.containsKey("from")) { // a series with points: the test tenant has usage in the window
                assertThat(expected).as(c.getKey()).contains("\"activeUsers\":");
            }
            assertThat(http(document, variables)).as(c.getKey() + ", first request").isEqualTo(expected);
            long served = planned.served();
            assertThat(http(document, variables)).as(c.getKey() + ", from its plan").isEqualTo(expected);
            assertThat(planned.served()).as(c.getKey() + ": answered from its plan").isEqualTo(served + 1);
        }
    }

    @Test
    void requestsThePlanCannotAnswerSoGetTheEnginesAnswer() {
        http(EVERY_PROPERTY, Map.of("first", 3)); // planned from here on
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("a page too large", Map.of("first", 100_000));
        refused.put("a negative page", Map.of("first", -1));
        refused.put("a cursor that is not one", Map.of("after", "garbage"));
        refused.put("a SKU id that is not one", Map.of("filter", Map.of("skuId", "not-a-uuid")));
        refused.put("inactive for a negative number of days", Map.of("filter", Map.of("inactiveForDays", -1)));
        refused.put("a variable of the wrong type", Map.of("first", "ten"));
        refused.put("an input field that does not exist", Map.of("filter", Map.of("colour", "blue")));
        refused.put("an order that does not exist", Map.of("orderBy", Map.of("field", "SHOE_SIZE")));
        http(SERIES, Map.of("from", "2026-01-01", "to", "2026-01-31")); // planned from here on
        Map<String, Map<String, Object>> refusedSeries = new LinkedHashMap<>();
        refusedSeries.put("a series that ends before it starts", Map.of("from", "2026-02-01", "to", "2026-01-01"));
        refusedSeries.put("a series too long", Map.of("from", "2020-01-01", "to", "2026-01-01"));
        refusedSeries.put("a day that does not exist", Map.of("from", "2026-02-30", "to", "2026-03-01"));
        refusedSeries.put("a granularity that does not exist", Map.of("from", "2026-01-01", "to", "2026-01-31",
                "g", "FORTNIGHT"));
        for (var c : refusedSeries.entrySet()) {
            refused(SERIES, c.getKey(), c.getValue());
        }
        for (var c : refused.entrySet()) {
            refused(EVERY_PROPERTY, c.getKey(), c.getValue());
        }

        // no access: the plan's resolvers refuse as the engine's do, and the engine answers
        String nobody = SimulatorClient.current().apiToken("no.role@contoso.com");
        long served = planned.served();
        JsonNode forbidden = GraphQL.postAs(nobody, EVERY_PROPERTY, Map.of("first", 3));
        assertThat(forbidden.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(planned.served()).isEqualTo(served);
    }

    private void refused(String document, String name, Map<String, Object> variables) {
        String expected = EngineAnswers.execute(engine, identity, document, variables);
        assertThat(expected).as(name).contains("\"errors\"");
        long declined = planned.declined();
        long served = planned.served();
        assertThat(http(document, variables)).as(name).isEqualTo(expected);
        assertThat(planned.served()).as(name + ": not from the plan").isEqualTo(served);
        assertThat(planned.declined()).as(name + ": the plan left it to the engine").isEqualTo(declined + 1);
    }

    @Test
    void shapesThePlanDoesNotKnowAreNeverPlanned() {
        List<String> documents = List.of(
                "{ users(first: 3) { nodes { shown: displayName } } }",
                "{ users(first: 3) { __typename nodes { id } } }",
                "{ users(first: 3) { nodes { ...Who } } } fragment Who on User { id displayName }",
                "{ users(first: 3) { nodes { id @include(if: true) } } }",
                "{ users(first: 3) { nodes { id activity { lastActivityDate } } } }",
                "{ users(first: 3) { nodes { id } edges { cursor } } }",
                "{ users(first: 3) { nodes { id licenses { license { monthlyPrice } } } } }",
                "{ users(first: 3) { nodes { id } } licenses { skuId } }",
                "query A { users(first: 3) { nodes { id } } } query B { users(first: 4) { nodes { id } } }",
                "{ usage(from: \"2026-01-01\", to: \"2026-01-31\") { app day: periodStart } }",
                "{ usage(from: \"2026-01-01\", to: \"2026-01-31\") { app __typename } }",
                // list variables: GraphQLOverHttpHandler rewrites their types for the engine (ListVariableTypes)
                "query($apps: [UsageApp!]) { usage(from: \"2026-01-01\", to: \"2026-01-31\", apps: $apps) { app } }");
        for (String document : documents) {
            Map<String, Object> none = new HashMap<>();
            String expected = EngineAnswers.execute(engine, identity, document, none);
            long served = planned.served();
            for (int i = 0; i < 3; i++) {
                assertThat(http(document, none)).as(document).isEqualTo(expected);
            }
            assertThat(planned.served()).as(document).isEqualTo(served);
        }
    }

    private static String http(String document, Map<String, Object> variables) {
        return GraphQL.request(GraphQL.adminToken()).body(Map.of("query", document, "variables", variables))
                .post("/graphql").then().extract().asString();
    }
}
