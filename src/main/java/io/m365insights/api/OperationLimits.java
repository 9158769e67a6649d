package io.m365insights.api;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's only instrumentation: the complexity limit (graphql-java's {@link MaxQueryComplexityInstrumentation},
 * its rule and message) then the depth limit ({@link QueryDepthLimit}), both checked once as an operation starts. A
 * {@code ChainedInstrumentation} of the two called through the chain for every field (fetch, execution, completion:
 * 2.4% of a users page's CPU, bench/RESULTS.md); this one only forwards the three callbacks the limits use, and every
 * per-field callback is {@link SimplePerformantInstrumentation}'s no-op.
 */
final class OperationLimits extends SimplePerformantInstrumentation {
    private final MaxQueryComplexityInstrumentation complexity;
    private final QueryDepthLimit depth;

    OperationLimits(int maxComplexity, int maxDepth, int maxIntrospectionLists) {
        this.complexity = new MaxQueryComplexityInstrumentation(maxComplexity);
        this.depth = new QueryDepthLimit(maxDepth, maxIntrospectionLists);
    }

    /** The complexity limit's state (the only one): the validation parameters it reports with a refusal. */
    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return complexity.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        complexity.beginExecuteOperation(parameters, state);
        return depth.beginExecuteOperation(parameters, null);
    }
}
