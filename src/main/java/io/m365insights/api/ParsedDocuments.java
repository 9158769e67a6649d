package io.m365insights.api;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents, kept by their text (graphql-java's {@link PreparsedDocumentProvider}). SmallRye
 * GraphQL has its own such cache, but it fills it from an instrumentation that {@link QueryLimits} replaces, so
 * without this one every request parsed and validated its document again. The limits still apply to a cached
 * document: complexity and depth are checked when an operation executes, not when it is parsed.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {
    private final DocumentCache<String, PreparsedDocumentEntry> cache;

    ParsedDocuments(int capacity) {
        this.cache = new DocumentCache<>(capacity);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        return CompletableFuture.completedFuture(cache.get(query, query.length(), q -> parseAndValidate.apply(input)));
    }
}
