package io.m365insights.api;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which fields of the engine's schema (SmallRye GraphQL's, the one its execution runs) our {@link PropertyFetcher}
 * serves: the plain properties, and no resolver, no argument-taking field, nothing SmallRye converts.
 */
@QuarkusTest
class PropertyFetchersTest {
    @Inject
    GraphQLSchema schema;

    @Test
    void plainPropertiesAreServedByThePropertyFetcher() {
        // String, ID, boolean, int and enum record components, and the Node interface's getter
        assertServedByPropertyFetcher("User", List.of("id", "nodeId", "userPrincipalName", "displayName", "mail",
                "accountEnabled", "department", "jobTitle", "usageLocation"));
        assertServedByPropertyFetcher("License", List.of("skuId", "nodeId", "skuPartNumber", "capabilityStatus",
                "appliesTo", "total", "assigned", "unassigned", "overAssigned", "suspended", "warning", "lockedOut"));
        // an object-valued component and a connection's own scalars
        assertServedByPropertyFetcher("LicenseAssignment", List.of("license", "assignedByGroupId", "direct", "state"));
        assertServedByPropertyFetcher("PageInfo", List.of("hasNextPage", "endCursor"));
    }

    @Test
    void resolversAndConvertedValuesKeepSmallRyesFetchers() {
        // @Source resolvers (batched; with arguments) are operations: SmallRye's (Quarkus's) operation fetchers
        for (String resolver : List.of("licenses", "usageStatus", "lastActivityDate", "usage")) {
            assertThat(fetcher("User", resolver)).as("User.%s", resolver)
                    .isNotInstanceOf(PropertyFetcher.class).isNotInstanceOf(FieldDataFetcher.class);
        }
        assertThat(fetcher("License", "idleCount")).isNotInstanceOf(PropertyFetcher.class);
        // read from the seat history only when asked (UsersApi.assignedSince), no longer a record component
        assertThat(fetcher("LicenseAssignment", "assignedSince"))
                .isNotInstanceOf(PropertyFetcher.class).isNotInstanceOf(FieldDataFetcher.class);
        // dates (formatted by SmallRye) and lists (copied) stay on SmallRye's FieldDataFetcher
        for (String converted : List.of("createdAt", "deletedAt", "firstSeenAt")) {
            assertThat(fetcher("User", converted)).as("User.%s", converted).isInstanceOf(FieldDataFetcher.class);
        }
        assertThat(fetcher("License", "removedAt")).isInstanceOf(FieldDataFetcher.class);
        assertThat(fetcher("LicenseAssignment", "lastUpdatedAt")).isInstanceOf(FieldDataFetcher.class);
        assertThat(fetcher("LicenseAssignment", "disabledPlanIds")).isInstanceOf(FieldDataFetcher.class);
        assertThat(fetcher("UserConnection", "nodes")).isInstanceOf(FieldDataFetcher.class);
    }

    @Test
    void switchedOffEveryPlainPropertyHasSmallRyesFetcherBack() {
        GraphQLSchema smallRye = PropertyFetchers.withSmallRyeFetchers(schema);
        assertThat(fetcher(smallRye, "User", "displayName")).isInstanceOf(FieldDataFetcher.class);
        assertThat(fetcher(smallRye, "License", "capabilityStatus")).isInstanceOf(FieldDataFetcher.class);
        assertThat(fetcher(smallRye, "User", "licenses")).isSameAs(fetcher("User", "licenses"));
        long ours = schema.getAllTypesAsList().stream().filter(t -> t instanceof GraphQLFieldsContainer)
                .map(t -> (GraphQLFieldsContainer) t)
                .flatMap(c -> c.getFieldDefinitions().stream().map(f -> fetcher(smallRye, c.getName(), f.getName())))
                .filter(f -> f instanceof PropertyFetcher).count();
        assertThat(ours).isZero();
    }

    private void assertServedByPropertyFetcher(String type, List<String> fields) {
        for (String field : fields) {
            assertThat(fetcher(type, field)).as("%s.%s", type, field).isInstanceOf(PropertyFetcher.class);
        }
    }

    private DataFetcher<?> fetcher(String type, String field) {
        return fetcher(schema, type, field);
    }

    private static DataFetcher<?> fetcher(GraphQLSchema schema, String type, String field) {
        GraphQLFieldsContainer container = (GraphQLFieldsContainer) schema.getType(type);
        assertThat(container).as(type).isNotNull();
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field),
                container.getFieldDefinition(field));
    }
}
