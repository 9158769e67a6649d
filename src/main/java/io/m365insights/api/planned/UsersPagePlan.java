package io.m365insights.api.planned;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.m365insights.api.model.License;
import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.api.model.PageInfo;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.OrderDirection;
import io.m365insights.api.model.UserEdge;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.api.model.UserOrderField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.m365insights.api.planned.QueryPlan.leaf;
import static io.m365insights.api.planned.QueryPlan.nonNull;
import static io.m365insights.api.planned.QueryPlan.object;
import static io.m365insights.api.planned.QueryPlan.plainFields;
import static io.m365insights.api.planned.QueryPlan.properties;
import static java.util.Map.entry;

/**
 * The plan of a {@code users} page (a {@link QueryPlan}): which parts of a {@link UserConnection} an operation asks
 * for, in its order — the connection's {@code totalCount}, {@code pageInfo}, {@code nodes} or {@code edges}, the users'
 * properties and the four page-wide fields ({@code licenses}, {@code lastActivityDate}, {@code lastActivationDate},
 * {@code usageStatus}, each resolved once for the page), the assignments' properties and their license's properties.
 * The arguments become the API's input types as SmallRye GraphQL makes them.
 */
record UsersPagePlan(OperationDefinition operation, Field root, GraphQLFieldDefinition rootDefinition,
                     List<Part<UserConnection>> connection) implements QueryPlan {

    static final String ROOT_FIELD = "users";
    private static final Set<String> FILTER_FIELDS = Set.of("accountEnabled", "licensed", "skuId", "licenseInError",
            "department", "search", "includeDeleted", "inactiveForDays");
    private static final Set<String> ORDER_FIELDS = Set.of("field", "direction");

    @Override
    public void answer(Map<String, Object> arguments, Resolvers resolvers, PlannedAnswer answer) {
        UserConnection page = resolvers.page(Arguments.integer(arguments.get("first")), (String) arguments.get("after"),
                filter(arguments.get("filter")), order(arguments.get("orderBy")));
        answer.users(page.getNodes());
        answer.rootObject(ROOT_FIELD, page, connection);
    }

    private static UserFilter filter(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> m = Arguments.map(value, FILTER_FIELDS);
        UserFilter f = new UserFilter();
        f.accountEnabled = (Boolean) m.get("accountEnabled");
        f.licensed = (Boolean) m.get("licensed");
        f.skuId = (String) m.get("skuId");
        f.licenseInError = (Boolean) m.get("licenseInError");
        f.department = (String) m.get("department");
        f.search = (String) m.get("search");
        f.includeDeleted = (Boolean) m.get("includeDeleted");
        f.inactiveForDays = Arguments.integer(m.get("inactiveForDays"));
        return f;
    }

    private static UserOrder order(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> m = Arguments.map(value, ORDER_FIELDS);
        UserOrder o = new UserOrder();
        o.field = Arguments.enumValue(UserOrderField.class, m.get("field"));
        o.direction = Arguments.enumValue(OrderDirection.class, m.get("direction"));
        return o;
    }

    // ---- the plain properties: GraphQL field name → accessor (the record component or getter the schema names) ----

    private static final Map<String, Function<User, Object>> USER = Map.ofEntries(
            entry("id", User::id), entry("nodeId", User::getNodeId), entry("userPrincipalName", User::userPrincipalName),
            entry("displayName", User::displayName), entry("mail", User::mail),
            entry("accountEnabled", User::accountEnabled), entry("department", User::department),
            entry("jobTitle", User::jobTitle), entry("usageLocation", User::usageLocation),
            entry("createdAt", User::createdAt), entry("deletedAt", User::deletedAt),
            entry("firstSeenAt", User::firstSeenAt));

    /** The users' page-wide scalar fields: each resolved once for the whole page, as the engine's batch does. */
    private static final Map<String, BiFunction<Resolvers, List<User>, List<?>>> USER_BATCHES = Map.of(
            "lastActivityDate", Resolvers::lastActivityDate, "lastActivationDate", Resolvers::lastActivationDate,
            "usageStatus", Resolvers::usageStatus);

    private static final Map<String, Function<LicenseAssignment, Object>> ASSIGNMENT = Map.of(
            "assignedByGroupId", LicenseAssignment::assignedByGroupId, "direct", LicenseAssignment::direct,
            "state", LicenseAssignment::state, "error", LicenseAssignment::error,
            "disabledPlanIds", LicenseAssignment::disabledPlanIds, "lastUpdatedAt", LicenseAssignment::lastUpdatedAt);

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

    static UsersPagePlan plan(OperationDefinition operation, Field root, GraphQLFieldDefinition definition,
                              GraphQLSchema schema) throws NotPlanned {
        return new UsersPagePlan(operation, root, definition, connection(root.getSelectionSet(), schema));
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
            BiFunction<Resolvers, List<User>, List<?>> batch = USER_BATCHES.get(f.getName());
            if (batch != null) {
                leaf(f);
                parts.add(new Part<>(f.getName(), nonNull, (u, n, nn, a) -> a.scalar(n, nn, a.batch(n, u, batch))));
                continue;
            }
            switch (f.getName()) {
                case "licenses" -> {
                    List<Part<LicenseAssignment>> assignment = assignment(f.getSelectionSet(), schema);
                    parts.add(new Part<>("licenses", nonNull, (u, n, nn, a) -> a.list(n, nn, a.licenses(u), assignment)));
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
            } else if (f.getName().equals("assignedSince")) { // the seat history, for all of the page's assignments
                leaf(f);
                parts.add(new Part<>("assignedSince", nonNull, (x, n, nn, a) -> a.scalar(n, nn, a.assignedSince(x))));
            } else if (f.getName().equals("license")) {
                List<Part<License>> license = properties(f.getSelectionSet(), object(schema, "License"), LICENSE);
                parts.add(new Part<>("license", nonNull, (x, n, nn, a) -> a.object(n, nn, x.license(), license)));
            } else {
                throw new NotPlanned();
            }
        }
        return parts;
    }
}
