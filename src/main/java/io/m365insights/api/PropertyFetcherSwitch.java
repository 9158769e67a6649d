package io.m365insights.api;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code m365.api.property-fetchers=false} gives the engine SmallRye GraphQL's own fetchers back for the plain
 * properties ({@link PropertyFetchers}), should ours ever answer differently. Decided here, when the engine is built
 * at run time, because the fetchers themselves are chosen with the schema during static init, before run-time
 * settings are known.
 */
@ApplicationScoped
public class PropertyFetcherSwitch {

    GraphQL.Builder install(@Observes GraphQL.Builder builder, M365Config config, GraphQLSchema schema) {
        return config.api().propertyFetchers() ? builder : builder.schema(PropertyFetchers.withSmallRyeFetchers(schema));
    }
}
