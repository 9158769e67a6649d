package io.m365insights.api;

import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.ExecutionResult;

import java.util.Map;
import java.util.Set;

/**
 * The depth limit of an operation, with introspection counted on its own terms. Data fields may nest at most
 * {@code maxDepth} deep (graphql-java's rule and message). Introspection ({@code __schema}, {@code __type}) is not held
 * to that depth — GraphiQL's own schema query nests {@code ofType} 15 deep, and a depth limit that refuses it leaves
 * the schema explorer empty — but to what makes it expensive instead: lists of the schema's types, fields and values
 * selected inside one another. Along any path at most {@code maxIntrospectionLists} such lists (GraphiQL needs three:
 * types → fields → args), and none inside itself (no {@code fields { type { fields …} }} cycles), so an introspection
 * answer stays within a small multiple of the schema's size.
 */
final class QueryDepthLimit extends SimplePerformantInstrumentation {
    /** The introspection fields that return lists of schema elements: where an answer fans out. */
    private static final Set<String> LISTS = Set.of("types", "fields", "inputFields", "interfaces", "possibleTypes",
            "enumValues", "args", "directives");

    private final int maxDepth;
    private final int maxIntrospectionLists;

    QueryDepthLimit(int maxDepth, int maxIntrospectionLists) {
        this.maxDepth = maxDepth;
        this.maxIntrospectionLists = maxIntrospectionLists;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters p,
                                                                         InstrumentationState state) {
        ExecutionContext ctx = p.getExecutionContext();
        int depth = dataDepth(ctx.getOperationDefinition().getSelectionSet(), ctx.getFragmentsByName(), 0, 0);
        if (depth > maxDepth) {
            throw new AbortExecutionException("maximum query depth exceeded " + depth + " > " + maxDepth);
        }
        return super.beginExecuteOperation(p, state);
    }

    /** The deepest data field below {@code set} (at {@code depth}); checks the introspection below it on the way. */
    private int dataDepth(SelectionSet set, Map<String, FragmentDefinition> fragments, int depth, int guard) {
        int deepest = depth;
        for (Field f : fields(set, fragments, guard)) {
            if (f.getName().equals("__schema") || f.getName().equals("__type")) {
                checkIntrospection(f.getSelectionSet(), fragments, 0, "", guard);
            } else if (f.getSelectionSet() != null) {
                deepest = Math.max(deepest, dataDepth(f.getSelectionSet(), fragments, depth + 1, guard));
            } else {
                deepest = Math.max(deepest, depth + 1);
            }
        }
        return deepest;
    }

    private void checkIntrospection(SelectionSet set, Map<String, FragmentDefinition> fragments, int lists,
                                    String path, int guard) {
        if (set == null) {
            return;
        }
        for (Field f : fields(set, fragments, guard)) {
            String name = f.getName();
            int inside = lists;
            if (LISTS.contains(name)) {
                if (path.contains("/" + name + "/")) {
                    throw new AbortExecutionException("introspection selects " + name + " inside " + name
                            + ": not allowed (it multiplies the answer)");
                }
                inside++;
                if (inside > maxIntrospectionLists) {
                    throw new AbortExecutionException("maximum introspection depth exceeded: " + inside
                            + " lists of schema elements inside one another > " + maxIntrospectionLists);
                }
            }
            checkIntrospection(f.getSelectionSet(), fragments, inside,
                    LISTS.contains(name) ? path + "/" + name + "/" : path, guard);
        }
    }

    /** The fields of a selection set, fragments spread in place (validation has already refused fragment cycles). */
    private java.util.List<Field> fields(SelectionSet set, Map<String, FragmentDefinition> fragments, int guard) {
        java.util.List<Field> out = new java.util.ArrayList<>();
        if (set == null) {
            return out;
        }
        if (guard > 64) {
            throw new AbortExecutionException("fragments nested too deeply");
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                out.add(f);
            } else if (s instanceof InlineFragment inline) {
                out.addAll(fields(inline.getSelectionSet(), fragments, guard + 1));
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                out.addAll(fields(fragments.get(spread.getName()).getSelectionSet(), fragments, guard + 1));
            }
        }
        return out;
    }
}
