package io.m365insights.api;

import graphql.parser.ParserOptions;
import io.m365insights.config.M365Config;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Caps the tokens of a GraphQL document our API parses. SmallRye GraphQL 2.17 applies
 * {@code quarkus.smallrye-graphql.parser-max-tokens} to graphql-java's SDL parser defaults only, so operations kept
 * graphql-java's default (15,000); this sets the operation parser's limits too, from {@code m365.api.max-query-tokens}.
 */
@ApplicationScoped
public class GraphQLParserLimits {

    void apply(@Observes StartupEvent event, M365Config config) {
        int max = config.api().maxQueryTokens();
        ParserOptions.setDefaultParserOptions(ParserOptions.getDefaultParserOptions().transform(b -> b.maxTokens(max)));
        ParserOptions.setDefaultOperationParserOptions(
                ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(max)));
    }
}
