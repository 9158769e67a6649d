package io.m365insights.api;

import graphql.GraphQL;
import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The execution limits of our API: complexity (one point per field, graphql-java's rule) and depth, with
 * introspection held to its own rule ({@link QueryDepthLimit}), in one instrumentation ({@link OperationLimits}).
 * Installed on SmallRye GraphQL's engine as it is built (its CDI event for the graphql-java builder,
 * {@code quarkus.smallrye-graphql.events.enabled}); SmallRye's own depth setting would refuse GraphiQL's schema query. Replacing SmallRye's instrumentation also drops the one that fills its
 * document cache, so documents are cached here ({@link ParsedDocuments}).
 */
@ApplicationScoped
public class QueryLimits {
    /** Parsed documents kept ({@link ParsedDocuments}): far more than the distinct documents a deployment's clients send. */
    static final int DOCUMENTS = 500;

    GraphQL.Builder install(@Observes GraphQL.Builder builder, M365Config config) {
        M365Config.Api api = config.api();
        return builder.instrumentation(new OperationLimits(api.maxQueryComplexity(), api.maxQueryDepth(),
                        api.maxIntrospectionLists()))
                .preparsedDocumentProvider(new ParsedDocuments(DOCUMENTS));
    }
}
