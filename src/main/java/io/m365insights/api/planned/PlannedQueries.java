package io.m365insights.api.planned;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import io.m365insights.api.DocumentCache;
import io.m365insights.api.model.OrderDirection;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.api.model.UserOrderField;
import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import org.jboss.logging.Logger;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The planned fast path of the API's most frequent read, a {@code users} page (bench/RESULTS.md: the engine spent most
 * of such a request walking ~1,400 fields one by one). A document of the plain shape {@link UsersPagePlan} describes
 * is planned once, after the engine has answered it without an error (so it is valid, within the depth and complexity
 * limits, and allowed to the policy that let it through); later requests with that document are answered from the
 * plan: the variables and the root field's arguments coerced by graphql-java itself ({@link ValuesResolver}, as the
 * engine coerces them), the same resolvers called with the same arguments ({@link Resolvers}: same statements, same
 * access checks), the JSON written once, in the document's order, straight from the records. Whatever the plan would
 * answer differently — an error of any kind (bad arguments, no access, a null where the schema says non-null) — it
 * does not answer: the request goes to the engine, which answers as it always did. PlannedQueriesTest proves the
 * answers byte-identical to the engine's. {@code m365.api.planned-queries=false} switches the fast path off.
 */
@ApplicationScoped
public class PlannedQueries {
    private static final Logger LOG = Logger.getLogger(PlannedQueries.class);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> FILTER_FIELDS = Set.of("accountEnabled", "licensed", "skuId", "licenseInError",
            "department", "search", "includeDeleted", "inactiveForDays");
    private static final Set<String> ORDER_FIELDS = Set.of("field", "direction");
    private static final int CAPACITY = 500;

    @Inject
    Resolvers resolvers;

    @Inject
    Instance<GraphQLSchema> schema;

    @Inject
    M365Config config;

    /** A document and the operation asked of it. */
    private record Key(String query, String operationName) {
    }

    /** Documents the engine answered cleanly: their plan, or empty when they are not of the planned shape. */
    private final Map<Key, Optional<UsersPagePlan>> learned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<UsersPagePlan>> eldest) {
            return size() > CAPACITY;
        }
    };

    private final LongAdder served = new LongAdder();
    private final LongAdder declined = new LongAdder();

    /**
     * The answer to this request from its document's plan, or empty: not planned (yet), or the plan would not answer
     * as the engine does; the engine answers it then.
     */
    public Optional<String> answer(String query, String operationName, JsonObject variables) {
        UsersPagePlan plan = plan(query, operationName);
        if (plan == null) {
            return Optional.empty();
        }
        try {
            GraphQLSchema s = schema.get();
            GraphQLContext context = GraphQLContext.getDefault();
            CoercedVariables coerced = ValuesResolver.coerceVariableValues(s, plan.operation().getVariableDefinitions(),
                    RawVariables.of(variables == null ? Map.of() : object(variables)), context, Locale.getDefault());
            Map<String, Object> args = ValuesResolver.getArgumentValues(s.getCodeRegistry(),
                    plan.rootDefinition().getArguments(), plan.root().getArguments(), coerced, context, Locale.getDefault());
            UserConnection page = resolvers.page(integer(args.get("first")), (String) args.get("after"),
                    filter(args.get("filter")), order(args.get("orderBy")));
            StringWriter out = new StringWriter(8192);
            try (JsonGenerator json = JSON.createGenerator(out)) {
                new PageAnswer(json, resolvers).write(plan, page);
            }
            served.increment();
            return Optional.of(out.toString());
        } catch (RuntimeException e) { // the engine answers: it reports every error as it always has
            declined.increment();
            LOG.debugf("planned users page left to the engine: %s", e.toString());
            return Optional.empty();
        }
    }

    /** The engine answered this document without an error: plan it, when it is of the planned shape. */
    public void answeredCleanly(String query, String operationName) {
        if (!config.api().plannedQueries() || query.length() > DocumentCache.MAX_KEY_LENGTH) {
            return;
        }
        Key key = new Key(query, operationName);
        synchronized (learned) {
            if (learned.containsKey(key)) {
                return;
            }
        }
        Optional<UsersPagePlan> plan;
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            plan = UsersPagePlan.of(document, operationName, schema.get());
        } catch (InvalidSyntaxException e) {
            plan = Optional.empty();
        }
        synchronized (learned) {
            learned.putIfAbsent(key, plan);
        }
    }

    private UsersPagePlan plan(String query, String operationName) {
        if (!config.api().plannedQueries() || query.length() > DocumentCache.MAX_KEY_LENGTH) {
            return null;
        }
        synchronized (learned) {
            return learned.getOrDefault(new Key(query, operationName), Optional.empty()).orElse(null);
        }
    }

    /** Requests answered from a plan, since start. */
    public long served() {
        return served.sum();
    }

    /** Requests of a planned document left to the engine, since start. */
    public long declined() {
        return declined.sum();
    }

    // ---- the root field's coerced arguments as the API's input types (what SmallRye GraphQL makes of them) ----

    private static UserFilter filter(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> m = map(value, FILTER_FIELDS);
        UserFilter f = new UserFilter();
        f.accountEnabled = (Boolean) m.get("accountEnabled");
        f.licensed = (Boolean) m.get("licensed");
        f.skuId = (String) m.get("skuId");
        f.licenseInError = (Boolean) m.get("licenseInError");
        f.department = (String) m.get("department");
        f.search = (String) m.get("search");
        f.includeDeleted = (Boolean) m.get("includeDeleted");
        f.inactiveForDays = integer(m.get("inactiveForDays"));
        return f;
    }

    private static UserOrder order(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> m = map(value, ORDER_FIELDS);
        UserOrder o = new UserOrder();
        o.field = m.get("field") == null ? null : UserOrderField.valueOf(name(m.get("field")));
        o.direction = m.get("direction") == null ? null : OrderDirection.valueOf(name(m.get("direction")));
        return o;
    }

    /**
     * An {@code Int} as SmallRye's own scalar leaves it after coercion (the number as sent: an Integer from a literal, a
     * BigDecimal from JSON variables): a whole number within int's range, else the engine answers.
     */
    private static Integer integer(Object value) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof java.math.BigDecimal d && d.scale() <= 0) {
            return d.intValueExact(); // ArithmeticException (a RuntimeException) beyond int: left to the engine
        }
        if (value instanceof Long || value instanceof java.math.BigInteger) {
            return new java.math.BigDecimal(value.toString()).intValueExact();
        }
        throw new PageAnswer.Unplanned("an Int that is " + value.getClass().getName());
    }

    private static Map<?, ?> map(Object value, Set<String> known) {
        if (!(value instanceof Map<?, ?> m) || !known.containsAll(m.keySet())) {
            throw new PageAnswer.Unplanned("an input object with fields this plan does not know: " + value);
        }
        return m;
    }

    private static String name(Object enumValue) {
        return enumValue instanceof Enum<?> e ? e.name() : enumValue.toString();
    }

    // ---- the request's JSON variables as graphql-java takes them ----

    private static Map<String, Object> object(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, java(v)));
        return map;
    }

    private static Object java(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case OBJECT -> object((JsonObject) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(java(v)));
                yield list;
            }
        };
    }
}
