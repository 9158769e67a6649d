package io.m365insights.api.planned;

import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserConnection;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One planned answer being written: for a users page, its users and the page-wide fields asked of them (each resolved
 * once, for the whole page, by the same resolver the engine's batch calls with the same users); the JSON.
 * Values are written as SmallRye GraphQL writes them ({@code ExecutionResponse}): strings, booleans and numbers as
 * they are, enums by name, {@code Date} and {@code DateTime} in ISO format (SmallRye's {@code DateCoercing}); the JSON
 * with Jackson, straight to UTF-8, escaped as SmallRye's Jakarta JSON provider escapes ({@link PlannedJson}). Where the engine would answer with an error (a non-null field that is
 * null, a value of a type not written here), this throws {@link Unplanned} and the engine answers instead.
 */
final class PlannedAnswer {
    /** Something the plan does not answer as the engine would: the engine answers this request instead. */
    static final class Unplanned extends RuntimeException {
        Unplanned(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonGenerator json;
    private final Resolvers resolvers;
    private List<User> users = List.of();
    private Map<User, List<LicenseAssignment>> licenses;
    private final Map<String, Map<User, Object>> batches = new HashMap<>();

    PlannedAnswer(JsonGenerator json, Resolvers resolvers) {
        this.json = json;
        this.resolvers = resolvers;
    }

    /** The page whose users the page-wide fields are asked of. */
    void users(List<User> page) {
        users = page;
    }

    /** The whole answer: {@code {"data":{field:{...}}}}. */
    <T> void rootObject(String field, T value, List<QueryPlan.Part<T>> parts) {
        root(() -> object(field, true, value, parts));
    }

    /** The whole answer: {@code {"data":{field:[...]}}}. */
    <T> void rootList(String field, List<T> values, List<QueryPlan.Part<T>> parts) {
        root(() -> list(field, true, values, parts));
    }

    private interface Content {
        void write() throws IOException;
    }

    private void root(Content field) {
        try {
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            field.write();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void fields(T parent, List<QueryPlan.Part<T>> parts) throws IOException {
        for (QueryPlan.Part<T> p : parts) {
            p.writer().write(parent, p.name(), p.nonNull(), this);
        }
    }

    void totalCount(UserConnection connection, String name) throws IOException {
        json.writeNumberField(name, resolvers.totalCount(connection));
    }

    <T> void object(String name, boolean nonNull, T value, List<QueryPlan.Part<T>> parts) throws IOException {
        if (value == null) {
            nullValue(name, nonNull);
            return;
        }
        json.writeObjectFieldStart(name);
        fields(value, parts);
        json.writeEndObject();
    }

    <T> void list(String name, boolean nonNull, List<T> values, List<QueryPlan.Part<T>> parts) throws IOException {
        if (values == null) {
            nullValue(name, nonNull);
            return;
        }
        json.writeArrayFieldStart(name);
        for (T value : values) {
            if (value == null) {
                throw new Unplanned(name + ": a null item");
            }
            json.writeStartObject();
            fields(value, parts);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    void scalar(String name, boolean nonNull, Object value) throws IOException {
        if (value == null) {
            nullValue(name, nonNull);
        } else if (value instanceof Collection<?> items) {
            json.writeArrayFieldStart(name);
            for (Object item : items) {
                if (item == null) {
                    throw new Unplanned(name + ": a null item");
                }
                json.writeString(text(name, item));
            }
            json.writeEndArray();
        } else {
            json.writeFieldName(name(name));
            if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof Integer i) {
                json.writeNumber(i);
            } else if (value instanceof Enum<?> e) {
                json.writeString(ENUM_VALUES.computeIfAbsent(e, v -> new SerializedString(v.name())));
            } else {
                json.writeString(text(name, value));
            }
        }
    }

    /**
     * Field names and enum values, each encoded once (Jackson keeps a SerializedString's quoted UTF-8 bytes): the
     * names are the schema's (a plan is made only of fields the schema has), the values its enums' constants.
     */
    private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();
    private static final Map<Enum<?>, SerializedString> ENUM_VALUES = new ConcurrentHashMap<>();

    private static SerializedString name(String name) {
        return NAMES.computeIfAbsent(name, SerializedString::new);
    }

    /** The last date written and its text: a series writes each period's date once per point, one after another. */
    private LocalDate lastDate;
    private String lastDateText;

    private String text(String name, Object value) {
        if (value instanceof String s) {
            if (!PlannedJson.sameAsEngine(s)) {
                throw new Unplanned(name + ": a control character the engine escapes in lower-case hex");
            }
            return s;
        } else if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value instanceof LocalDate d) {
            if (!d.equals(lastDate)) { // toString is ISO_LOCAL_DATE (yyyy-MM-dd, a sign beyond 4 digits), faster
                lastDate = d;
                lastDateText = d.toString();
            }
            return lastDateText;
        } else if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        throw new Unplanned(name + ": a value of " + value.getClass().getName());
    }

    private void nullValue(String name, boolean nonNull) throws IOException {
        if (nonNull) {
            throw new Unplanned(name + ": null for a non-null field"); // the engine's error, not ours to write
        }
        json.writeNullField(name);
    }

    // ---- the page-wide fields, resolved once for all of the page's users ----

    List<LicenseAssignment> licenses(User user) {
        if (licenses == null) {
            licenses = byUser(resolvers.licenses(users));
        }
        return licenses.get(user);
    }

    /**
     * A page-wide scalar field of {@code user} ({@code lastActivityDate}, ...): {@code resolver} is called once, for
     * all of the page's users, the first time the field is written.
     */
    Object batch(String field, User user, BiFunction<Resolvers, List<User>, List<?>> resolver) {
        return batches.computeIfAbsent(field, f -> byUser(resolver.apply(resolvers, users))).get(user);
    }

    /**
     * {@code assignedSince} of one of the page's license assignments: resolved once, for all of them, the first time
     * it is written (the engine's batch of the field gets the same assignments).
     */
    Object assignedSince(LicenseAssignment assignment) {
        if (assignedSince == null) {
            List<LicenseAssignment> all = users.stream().flatMap(u -> licenses(u).stream()).toList();
            assignedSince = byIdentity(all, resolvers.assignedSince(all), "assignments");
        }
        return assignedSince.get(assignment);
    }

    private Map<LicenseAssignment, Object> assignedSince;

    /** A batch resolver's answer (one value per user, in the page's order) by user. */
    private <V> Map<User, V> byUser(List<? extends V> values) {
        return byIdentity(users, values, "users");
    }

    /** A batch resolver's answer (one value per key, in the keys' order) by key (records equal in value stay apart). */
    private static <K, V> Map<K, V> byIdentity(List<K> keys, List<? extends V> values, String what) {
        if (values == null || values.size() != keys.size()) {
            throw new Unplanned("a batch answered " + (values == null ? "null" : values.size() + " values") + " for "
                    + keys.size() + " " + what);
        }
        Map<K, V> byKey = new IdentityHashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), values.get(i));
        }
        return byKey;
    }
}
