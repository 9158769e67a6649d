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
import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The planned fast path of the API's most frequent reads, a {@code users} page and a {@code usage} series
 * (bench/RESULTS.md: the engine spent most of such a request walking its ~1,400 fields one by one). A document of the
 * plain shape {@link QueryPlan} describes
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
    private final Map<Key, Optional<QueryPlan>> learned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<QueryPlan>> eldest) {
            return size() > CAPACITY;
        }
    };

    private final LongAdder served = new LongAdder();
    private final LongAdder declined = new LongAdder();

    /**
     * The answer (UTF-8 JSON) to this request from its document's plan, or empty: not planned (yet), or the plan would not answer
     * as the engine does; the engine answers it then.
     */
    public Optional<byte[]> answer(String query, String operationName, JsonObject variables) {
        QueryPlan plan = plan(query, operationName);
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            try (JsonGenerator json = PlannedJson.generator(out)) {
                plan.answer(args, resolvers, new PlannedAnswer(json, resolvers));
            }
            served.increment();
            return Optional.of(out.toByteArray());
        } catch (RuntimeException | IOException e) { // the engine answers: it reports every error as it always has
            declined.increment();
            LOG.debugf("planned query left to the engine: %s", e.toString());
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
        Optional<QueryPlan> plan;
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            plan = QueryPlan.of(document, operationName, schema.get());
        } catch (InvalidSyntaxException e) {
            plan = Optional.empty();
        }
        synchronized (learned) {
            learned.putIfAbsent(key, plan);
        }
    }

    private QueryPlan plan(String query, String operationName) {
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
