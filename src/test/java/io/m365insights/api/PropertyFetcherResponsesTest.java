package io.m365insights.api;

import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers are the same, byte for byte, whether the plain properties are read by our {@link PropertyFetcher} (the
 * API over HTTP, as configured) or by SmallRye GraphQL's own fetcher ({@link PropertyFetchers#withSmallRyeFetchers},
 * what {@code m365.api.property-fetchers=false} runs): every trusted query under graphql-schema/ (users, licenses,
 * usage, enums, dates), a 100-user page with every property, and answers with nulls and errors.
 */
@QuarkusTest
class PropertyFetcherResponsesTest {
    /** Answers with nulls and errors, and every plain property of users and licenses, beside the trusted documents. */
    private static final Map<String, String> MORE = Map.of(
            "users page of 100, every property", "{ users(first: 100, filter: {includeDeleted: true}) { totalCount "
                    + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { nodeId id "
                    + "userPrincipalName displayName mail accountEnabled department jobTitle usageLocation createdAt "
                    + "deletedAt firstSeenAt usageStatus lastActivityDate licenses { direct assignedByGroupId state "
                    + "assignedSince lastUpdatedAt disabledPlanIds license { skuId } } } } } }",
            "licenses, every property, aliased", "{ licenses { __typename nodeId id: skuId skuPartNumber "
                    + "capabilityStatus appliesTo seats: total assigned unassigned overAssigned suspended warning "
                    + "lockedOut removedAt } }",
            "a user that does not exist", "{ user(userPrincipalName: \"nobody@contoso.com\") { id displayName } }",
            "a node id that is not one", "{ node(id: \"not-a-node-id\") { nodeId } }",
            "a page too large", "{ users(first: 100000) { totalCount nodes { id } } }",
            "a usage range backwards", "query($from: Date!, $to: Date!) { usage(from: $to, to: $from) { periodStart app activeUsers } }");

    @Inject
    GraphQLSchema schema;
    @Inject
    io.smallrye.graphql.schema.model.Schema model;
    @Inject
    CurrentIdentityAssociation identity;

    @Test
    void propertyFetchersAnswerAsSmallRyesOwn() {
        SimulatorClient.current().reset();
        Syncs.syncNow();
        ExecutionService smallRye = new ExecutionService(PropertyFetchers.withSmallRyeFetchers(schema), model);
        Map<String, Object> values = variableValues();

        Map<String, String> documents = new LinkedHashMap<>();
        List<String> trusted = new ArrayList<>();
        for (TrustedDocuments.Document d : TrustedDocuments.load(getClass().getClassLoader()).all()) {
            if (operations(d.text()).stream().allMatch(o -> o.getOperation() == OperationDefinition.Operation.QUERY)) {
                documents.put(d.name(), d.text());
                trusted.add(d.name());
            }
        }
        assertThat(trusted).contains("examples/users-page", "examples/licenses", "bi/users-with-licenses",
                "bi/usage-series");
        documents.putAll(MORE);

        for (Map.Entry<String, String> d : documents.entrySet()) {
            Map<String, Object> variables = declared(d.getValue(), values);
            String ours = GraphQL.request(GraphQL.adminToken()).body(Map.of("query", d.getValue(), "variables", variables))
                    .post("/graphql").then().statusCode(200).extract().asString();
            assertThat(ours).as(d.getKey()).isEqualTo(execute(smallRye, d.getValue(), variables));
            if (trusted.contains(d.getKey())) { // documentation: data, no errors (not an answer of two errors alike)
                assertThat(ours).as(d.getKey()).startsWith("{\"data\":{").doesNotContain("\"errors\"");
            }
        }
    }

    /** Values for the variables the documents declare: a license that exists, the usage window of the test's clock. */
    private static Map<String, Object> variableValues() {
        String skuId = GraphQL.data("{ licenses { skuId } }").get("licenses").get(0).get("skuId").asText();
        return Map.of("skuId", skuId, "from", TestClock.START_DAY.minusDays(30).toString(),
                "to", TestClock.START_DAY.minusDays(2).toString(), "first", 100);
    }

    private static List<OperationDefinition> operations(String document) {
        return Parser.parse(document).getDefinitionsOfType(OperationDefinition.class);
    }

    private static Map<String, Object> declared(String document, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (OperationDefinition o : operations(document)) {
            for (VariableDefinition v : o.getVariableDefinitions()) {
                if (values.containsKey(v.getName())) {
                    variables.put(v.getName(), values.get(v.getName()));
                }
            }
        }
        return variables;
    }

    private String execute(ExecutionService engine, String query, Map<String, Object> variables) {
        return EngineAnswers.execute(engine, identity, query, variables);
    }
}
