package io.m365insights.api.planned;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan of one operation: a query whose only root field is one the API plans ({@link UsersPagePlan}: {@code users},
 * {@link UsageSeriesPlan}: {@code usage}), its arguments as literals or variables of non-list types, and below it only
 * fields the plan knows, in the document's order. No aliases, fragments, directives, {@code __typename}, arguments
 * below the root or field asked twice: a document with any of them is left to the engine, which answers it as always.
 */
sealed interface QueryPlan permits UsersPagePlan, UsageSeriesPlan {
    OperationDefinition operation();

    /** The root field as the document asks it (its arguments). */
    Field root();

    GraphQLFieldDefinition rootDefinition();

    /** Calls the resolvers with the root field's coerced arguments and writes the whole answer. */
    void answer(Map<String, Object> arguments, Resolvers resolvers, PlannedAnswer answer);

    /** One field of the answer: its name, whether the schema says non-null, and how it is written from its parent. */
    record Part<T>(String name, boolean nonNull, Writer<T> writer) {
    }

    @FunctionalInterface
    interface Writer<T> {
        void write(T parent, String name, boolean nonNull, PlannedAnswer answer) throws java.io.IOException;
    }

    /** The plan of this document's operation ({@code operationName}, or its only one), or empty: the engine's. */
    static Optional<QueryPlan> of(Document document, String operationName, GraphQLSchema schema) {
        try {
            if (!document.getDefinitionsOfType(FragmentDefinition.class).isEmpty()) {
                throw new NotPlanned();
            }
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            if (operations.size() != 1 || document.getDefinitions().size() != 1) {
                throw new NotPlanned();
            }
            OperationDefinition operation = operations.get(0);
            if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()
                    || (operationName != null && !operationName.equals(operation.getName()))) {
                throw new NotPlanned();
            }
            for (VariableDefinition v : operation.getVariableDefinitions()) {
                if (!v.getDirectives().isEmpty() || isList(v.getType())) {
                    throw new NotPlanned(); // list variables: the HTTP layer rewrites their types (ListVariableTypes)
                }
            }
            List<Field> roots = fields(operation.getSelectionSet());
            if (roots.size() != 1) {
                throw new NotPlanned();
            }
            Field root = roots.get(0);
            GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(root.getName());
            if (root.getAlias() != null || !root.getDirectives().isEmpty() || definition == null) {
                throw new NotPlanned();
            }
            return Optional.of(switch (root.getName()) {
                case UsersPagePlan.ROOT_FIELD -> UsersPagePlan.plan(operation, root, definition, schema);
                case UsageSeriesPlan.ROOT_FIELD -> UsageSeriesPlan.plan(operation, root, definition, schema);
                default -> throw new NotPlanned();
            });
        } catch (NotPlanned e) {
            return Optional.empty();
        }
    }

    /** Thrown while planning: this document is left to the engine. */
    final class NotPlanned extends Exception {
        NotPlanned() {
            super(null, null, false, false);
        }
    }

    private static boolean isList(Type<?> type) {
        return type instanceof ListType || (type instanceof NonNullType n && isList(n.getType()));
    }

    /** A selection of plain properties only, read by {@code accessors}. */
    static <T> List<Part<T>> properties(SelectionSet set, GraphQLObjectType type,
                                        Map<String, Function<T, Object>> accessors) throws NotPlanned {
        List<Part<T>> parts = new ArrayList<>();
        for (Field f : plainFields(set)) {
            Function<T, Object> property = accessors.get(f.getName());
            if (property == null) {
                throw new NotPlanned();
            }
            leaf(f);
            parts.add(new Part<>(f.getName(), nonNull(type, f), (x, n, nn, a) -> a.scalar(n, nn, property.apply(x))));
        }
        return parts;
    }

    static void leaf(Field f) throws NotPlanned {
        if (f.getSelectionSet() != null && !f.getSelectionSet().getSelections().isEmpty()) {
            throw new NotPlanned();
        }
    }

    /** The fields of a selection set: no aliases, directives, arguments, fragments or repeats. */
    static List<Field> plainFields(SelectionSet set) throws NotPlanned {
        List<Field> fields = fields(set);
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (f.getAlias() != null || !f.getDirectives().isEmpty() || !f.getArguments().isEmpty()
                    || !seen.add(f.getName())) {
                throw new NotPlanned();
            }
        }
        return fields;
    }

    private static List<Field> fields(SelectionSet set) throws NotPlanned {
        if (set == null || set.getSelections().isEmpty()) {
            throw new NotPlanned();
        }
        List<Field> fields = new ArrayList<>();
        for (Selection<?> s : set.getSelections()) {
            if (!(s instanceof Field f)) {
                throw new NotPlanned();
            }
            fields.add(f);
        }
        return fields;
    }

    static GraphQLObjectType object(GraphQLSchema schema, String name) throws NotPlanned {
        if (schema.getType(name) instanceof GraphQLObjectType type) {
            return type;
        }
        throw new NotPlanned();
    }

    static boolean nonNull(GraphQLObjectType type, Field f) throws NotPlanned {
        GraphQLFieldDefinition definition = type.getFieldDefinition(f.getName());
        if (definition == null) {
            throw new NotPlanned();
        }
        return GraphQLTypeUtil.isNonNull(definition.getType());
    }
}
