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
import io.m365insights.api.model.License;
import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.api.model.PageInfo;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserEdge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The plan of a {@code users} page: which parts of a {@link UserConnection} an operation asks for, in its order, read
 * once from the document. Only a plain shape is planned (anything else is left to the engine, which answers it as
 * always): one query operation whose only root field is {@code users} (its arguments as literals or variables of
 * non-list types); below it the connection's {@code totalCount}, {@code pageInfo}, {@code nodes} or {@code edges}, the
 * users' properties and the four page-wide fields of {@link Resolvers} ({@code licenses}, {@code lastActivityDate},
 * {@code lastActivationDate}, {@code usageStatus}), the assignments' properties and their license's properties. No
 * aliases, fragments, directives, {@code __typename}, field arguments below the root or field asked twice.
 */
record UsersPagePlan(OperationDefinition operation, Field root, GraphQLFieldDefinition rootDefinition,
                     List<Part<UserConnection>> connection) {

    static final String ROOT_FIELD = "users";

    /** One field of the answer: its name and how it is written from its parent. */
    record Part<T>(String name, boolean nonNull, Writer<T> writer) {
    }

    /** Writes one field's value of {@code parent}; {@code page} is the whole page (for page-wide fields). */
    @FunctionalInterface
    interface Writer<T> {
        void write(T parent, String name, boolean nonNull, PageAnswer answer);
    }

    // ---- the plain properties: GraphQL field name → accessor (the record component or getter the schema names) ----

    private static final Map<String, Function<User, Object>> USER = Map.ofEntries(
            entry("id", User::id), entry("nodeId", User::getNodeId), entry("userPrincipalName", User::userPrincipalName),
            entry("displayName", User::displayName), entry("mail", User::mail),
            entry("accountEnabled", User::accountEnabled), entry("department", User::department),
            entry("jobTitle", User::jobTitle), entry("usageLocation", User::usageLocation),
            entry("createdAt", User::createdAt), entry("deletedAt", User::deletedAt),
            entry("firstSeenAt", User::firstSeenAt));

    private static final Map<String, Function<LicenseAssignment, Object>> ASSIGNMENT = Map.of(
            "assignedByGroupId", LicenseAssignment::assignedByGroupId, "direct", LicenseAssignment::direct,
            "state", LicenseAssignment::state, "error", LicenseAssignment::error,
            "disabledPlanIds", LicenseAssignment::disabledPlanIds, "lastUpdatedAt", LicenseAssignment::lastUpdatedAt,
            "assignedSince", LicenseAssignment::assignedSince);

    private static final Map<String, Function<License, Object>> LICENSE = Map.ofEntries(
            entry("skuId", License::skuId), entry("nodeId", License::getNodeId),
            entry("skuPartNumber", License::skuPartNumber), entry("capabilityStatus", License::capabilityStatus),
            entry("appliesTo", License::appliesTo), entry("total", License::total),
            entry("assigned", License::assigned), entry("unassigned", License::unassigned),
            entry("overAssigned", License::overAssigned), entry("suspended", License::suspended),
            entry("warning", License::warning), entry("lockedOut", License::lockedOut),
            entry("removedAt", License::removedAt));

    private static final Map<String, Function<PageInfo, Object>> PAGE_INFO = Map.of(
            "hasNextPage", PageInfo::hasNextPage, "hasPreviousPage", PageInfo::hasPreviousPage,
            "startCursor", PageInfo::startCursor, "endCursor", PageInfo::endCursor);

    /** Thrown while planning: this document is left to the engine. */
    private static final class NotPlanned extends Exception {
        NotPlanned() {
            super(null, null, false, false);
        }
    }

    /**
     * The plan of this document's operation ({@code operationName}, or its only one), or empty when it is not a
     * users page of the plain shape above.
     */
    static Optional<UsersPagePlan> of(Document document, String operationName, GraphQLSchema schema) {
        try {
            return Optional.of(plan(document, operationName, schema));
        } catch (NotPlanned e) {
            return Optional.empty();
        }
    }

    private static UsersPagePlan plan(Document document, String operationName, GraphQLSchema schema) throws NotPlanned {
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
                throw new NotPlanned();
            }
        }
        List<Field> roots = fields(operation.getSelectionSet());
        if (roots.size() != 1 || !roots.get(0).getName().equals(ROOT_FIELD)) {
            throw new NotPlanned();
        }
        Field root = roots.get(0);
        GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(ROOT_FIELD);
        if (root.getAlias() != null || !root.getDirectives().isEmpty() || definition == null) {
            throw new NotPlanned();
        }
        return new UsersPagePlan(operation, root, definition, connection(root.getSelectionSet(), schema));
    }

    private static boolean isList(Type<?> type) {
        return type instanceof ListType || (type instanceof NonNullType n && isList(n.getType()));
    }

    private static List<Part<UserConnection>> connection(SelectionSet set, GraphQLSchema schema) throws NotPlanned {
        GraphQLObjectType type = object(schema, "UserConnection");
        List<Part<UserConnection>> parts = new ArrayList<>();
        boolean users = false;
        for (Field f : plainFields(set)) {
            boolean nonNull = nonNull(type, f);
            switch (f.getName()) {
                case "totalCount" -> parts.add(new Part<>("totalCount", nonNull, (c, n, nn, a) -> a.totalCount(c, n)));
                case "pageInfo" -> {
                    List<Part<PageInfo>> info = properties(f.getSelectionSet(), object(schema, "PageInfo"), PAGE_INFO);
                    parts.add(new Part<>("pageInfo", nonNull, (c, n, nn, a) -> a.object(n, nn, c.pageInfo(), info)));
                }
                case "nodes" -> {
                    if (users) {
                        throw new NotPlanned(); // nodes and edges: the engine's batches would see each user twice
                    }
                    users = true;
                    List<Part<User>> user = user(f.getSelectionSet(), schema);
                    parts.add(new Part<>("nodes", nonNull, (c, n, nn, a) -> a.list(n, nn, c.getNodes(), user)));
                }
                case "edges" -> {
                    if (users) {
                        throw new NotPlanned();
                    }
                    users = true;
                    List<Part<UserEdge>> edge = edge(f.getSelectionSet(), schema);
                    parts.add(new Part<>("edges", nonNull, (c, n, nn, a) -> a.list(n, nn, c.edges(), edge)));
                }
                default -> throw new NotPlanned();
            }
        }
        return parts;
    }

    private static List<Part<UserEdge>> edge(SelectionSet set, GraphQLSchema schema) throws NotPlanned {
        GraphQLObjectType type = object(schema, "UserEdge");
        List<Part<UserEdge>> parts = new ArrayList<>();
        for (Field f : plainFields(set)) {
            boolean nonNull = nonNull(type, f);
            switch (f.getName()) {
                case "cursor" -> parts.add(new Part<>("cursor", nonNull, (e, n, nn, a) -> a.scalar(n, nn, e.cursor())));
                case "node" -> {
                    List<Part<User>> user = user(f.getSelectionSet(), schema);
                    parts.add(new Part<>("node", nonNull, (e, n, nn, a) -> a.object(n, nn, e.node(), user)));
                }
                default -> throw new NotPlanned();
            }
        }
        return parts;
    }

    private static List<Part<User>> user(SelectionSet set, GraphQLSchema schema) throws NotPlanned {
        GraphQLObjectType type = object(schema, "User");
        List<Part<User>> parts = new ArrayList<>();
        for (Field f : plainFields(set)) {
            boolean nonNull = nonNull(type, f);
            Function<User, Object> property = USER.get(f.getName());
            if (property != null) {
                leaf(f);
                parts.add(new Part<>(f.getName(), nonNull, (u, n, nn, a) -> a.scalar(n, nn, property.apply(u))));
                continue;
            }
            switch (f.getName()) {
                case "licenses" -> {
                    List<Part<LicenseAssignment>> assignment = assignment(f.getSelectionSet(), schema);
                    parts.add(new Part<>("licenses", nonNull, (u, n, nn, a) -> a.list(n, nn, a.licenses(u), assignment)));
                }
                case "lastActivityDate" -> {
                    leaf(f);
                    parts.add(new Part<>(f.getName(), nonNull, (u, n, nn, a) -> a.scalar(n, nn, a.lastActivityDate(u))));
                }
                case "lastActivationDate" -> {
                    leaf(f);
                    parts.add(new Part<>(f.getName(), nonNull, (u, n, nn, a) -> a.scalar(n, nn, a.lastActivationDate(u))));
                }
                case "usageStatus" -> {
                    leaf(f);
                    parts.add(new Part<>(f.getName(), nonNull, (u, n, nn, a) -> a.scalar(n, nn, a.usageStatus(u))));
                }
                default -> throw new NotPlanned();
            }
        }
        return parts;
    }

    private static List<Part<LicenseAssignment>> assignment(SelectionSet set, GraphQLSchema schema) throws NotPlanned {
        GraphQLObjectType type = object(schema, "LicenseAssignment");
        List<Part<LicenseAssignment>> parts = new ArrayList<>();
        for (Field f : plainFields(set)) {
            boolean nonNull = nonNull(type, f);
            Function<LicenseAssignment, Object> property = ASSIGNMENT.get(f.getName());
            if (property != null) {
                leaf(f);
                parts.add(new Part<>(f.getName(), nonNull, (x, n, nn, a) -> a.scalar(n, nn, property.apply(x))));
            } else if (f.getName().equals("license")) {
                List<Part<License>> license = properties(f.getSelectionSet(), object(schema, "License"), LICENSE);
                parts.add(new Part<>("license", nonNull, (x, n, nn, a) -> a.object(n, nn, x.license(), license)));
            } else {
                throw new NotPlanned();
            }
        }
        return parts;
    }

    /** A selection of plain properties only. */
    private static <T> List<Part<T>> properties(SelectionSet set, GraphQLObjectType type,
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

    private static void leaf(Field f) throws NotPlanned {
        if (f.getSelectionSet() != null && !f.getSelectionSet().getSelections().isEmpty()) {
            throw new NotPlanned();
        }
    }

    /** The fields of a selection set: no aliases, directives, arguments, fragments or repeats. */
    private static List<Field> plainFields(SelectionSet set) throws NotPlanned {
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

    private static GraphQLObjectType object(GraphQLSchema schema, String name) throws NotPlanned {
        if (schema.getType(name) instanceof GraphQLObjectType type) {
            return type;
        }
        throw new NotPlanned();
    }

    private static boolean nonNull(GraphQLObjectType type, Field f) throws NotPlanned {
        GraphQLFieldDefinition definition = type.getFieldDefinition(f.getName());
        if (definition == null) {
            throw new NotPlanned();
        }
        return GraphQLTypeUtil.isNonNull(definition.getType());
    }
}
