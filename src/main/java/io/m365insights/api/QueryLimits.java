package io.m365insights.api;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The execution limits of our API: complexity (one point per field, graphql-java's rule) and depth, with
 * introspection held to its own rule ({@link QueryDepthLimit}). Installed on SmallRye GraphQL's engine as it is built
 * (its CDI event for the graphql-java builder, {@code quarkus.smallrye-graphql.events.enabled}); SmallRye's own depth
 * setting would refuse GraphiQL's schema query. Replacing SmallRye's instrumentation also drops the one that fills its
 * document cache, so documents are cached here ({@link ParsedDocuments}).
 */
@ApplicationScoped
public class QueryLimits {
    /** Parsed documents kept ({@link ParsedDocuments}): far more than the distinct documents a deployment's clients send. */
    static final int DOCUMENTS = 500;

    GraphQL.Builder install(@Observes GraphQL.Builder builder, M365Config config) {
        M365Config.Api api = config.api();
        return builder.instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryComplexityInstrumentation(api.maxQueryComplexity()),
                        new QueryDepthLimit(api.maxQueryDepth(), api.maxIntrospectionLists()))))
                .preparsedDocumentProvider(new ParsedDocuments(DOCUMENTS));
    }
}
