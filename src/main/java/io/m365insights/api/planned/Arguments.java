package io.m365insights.api.planned;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A root field's arguments, coerced by graphql-java ({@code ValuesResolver}) with SmallRye GraphQL's scalars, as the
 * resolvers' parameter types — what SmallRye's own argument step makes of them. A value this does not know how
 * SmallRye would convert throws {@link PlannedAnswer.Unplanned}: the engine answers that request.
 */
final class Arguments {
    private Arguments() {
    }

    /**
     * An {@code Int} as SmallRye's scalar leaves it after coercion (the number as sent: an Integer from a literal, a
     * BigDecimal from JSON variables): a whole number within int's range, else the engine answers.
     */
    static Integer integer(Object value) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof BigDecimal d && d.scale() <= 0) {
            return d.intValueExact(); // ArithmeticException (a RuntimeException) beyond int: left to the engine
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return new BigDecimal(value.toString()).intValueExact();
        }
        throw new PlannedAnswer.Unplanned("an Int that is " + value.getClass().getName());
    }

    /** A {@code Date} (ISO-8601, as SmallRye's DateTransformer reads it). */
    static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof String s) {
            return LocalDate.parse(s); // DateTimeParseException (a RuntimeException): left to the engine
        }
        throw new PlannedAnswer.Unplanned("a Date that is " + value.getClass().getName());
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, value instanceof Enum<?> e ? e.name() : value.toString());
    }

    static <E extends Enum<E>> List<E> enumList(Class<E> type, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw new PlannedAnswer.Unplanned("a list that is " + value.getClass().getName());
        }
        List<E> list = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item == null) {
                throw new PlannedAnswer.Unplanned("a null list item");
            }
            list.add(enumValue(type, item));
        }
        return list;
    }

    /** An input object with only the fields {@code known} (a field added to the schema is not planned silently). */
    static Map<?, ?> map(Object value, Set<String> known) {
        if (!(value instanceof Map<?, ?> m) || !known.containsAll(m.keySet())) {
            throw new PlannedAnswer.Unplanned("an input object with fields this plan does not know: " + value);
        }
        return m;
    }
}
