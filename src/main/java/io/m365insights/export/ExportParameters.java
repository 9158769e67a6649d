package io.m365insights.export;

import io.m365insights.activity.IdleSeats;
import io.m365insights.usage.Granularity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The query parameters of the CSV exports, checked: anything wrong is a {@link BadParameter} saying what to send. */
final class ExportParameters {
    /** The longest usage range, as the GraphQL usage series allows (api.UsageApi). */
    static final int MAX_USAGE_DAYS = 3 * 366;

    private ExportParameters() {
    }

    /** A parameter that cannot be used: 400 with this message. */
    static final class BadParameter extends Exception {
        BadParameter(String message) {
            super(message);
        }
    }

    record UsageRange(LocalDate from, LocalDate to, Granularity granularity) {
    }

    /** {@code from} and {@code to} (ISO days, both required, at most {@value #MAX_USAGE_DAYS} days), {@code granularity}. */
    static UsageRange usage(Map<String, String> params) throws BadParameter {
        only(params, "from", "to", "granularity");
        LocalDate from = day(params, "from");
        LocalDate to = day(params, "to");
        if (to.isBefore(from)) {
            throw new BadParameter("to (" + to + ") must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_USAGE_DAYS) {
            throw new BadParameter("from/to: at most " + MAX_USAGE_DAYS + " days per export");
        }
        String g = params.getOrDefault("granularity", "DAY").strip().toUpperCase(Locale.ROOT);
        try {
            return new UsageRange(from, to, Granularity.valueOf(g));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("granularity must be DAY, WEEK or MONTH, not \"" + params.get("granularity") + "\"");
        }
    }

    record IdleSeatsQuery(java.util.UUID skuId, int days) {
    }

    /** {@code skuId} (optional: every current SKU) and {@code days}. */
    static IdleSeatsQuery idleSeats(Map<String, String> params) throws BadParameter {
        only(params, "skuId", "days");
        java.util.UUID sku = null;
        String value = params.get("skuId");
        if (value != null && !value.isBlank()) {
            try {
                sku = java.util.UUID.fromString(value.strip());
            } catch (IllegalArgumentException e) {
                throw new BadParameter("skuId must be a GUID, not \"" + value + "\"");
            }
        }
        return new IdleSeatsQuery(sku, days(params));
    }

    /** {@code days} alone (the savings export). */
    static int savingsDays(Map<String, String> params) throws BadParameter {
        only(params, "days");
        return days(params);
    }

    /** The idle-seat window: {@code days}, default {@value IdleSeats#DEFAULT_DAYS}, 1 to {@value IdleSeats#MAX_DAYS}. */
    private static int days(Map<String, String> params) throws BadParameter {
        int days;
        try {
            days = Integer.parseInt(params.getOrDefault("days", String.valueOf(IdleSeats.DEFAULT_DAYS)).strip());
        } catch (NumberFormatException e) {
            throw new BadParameter("days must be a whole number, not \"" + params.get("days") + "\"");
        }
        if (days < 1 || days > IdleSeats.MAX_DAYS) {
            throw new BadParameter("days must be between 1 and " + IdleSeats.MAX_DAYS);
        }
        return days;
    }

    /** {@code includeDeleted} (true or false; default false). */
    static boolean includeDeleted(Map<String, String> params) throws BadParameter {
        only(params, "includeDeleted");
        String value = params.getOrDefault("includeDeleted", "false").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameter("includeDeleted must be true or false, not \"" + value + "\"");
        };
    }

    private static void only(Map<String, String> params, String... known) throws BadParameter {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(Set.of(known));
        if (!unknown.isEmpty()) {
            throw new BadParameter("unknown parameter " + String.join(", ", unknown) + "; this export takes "
                    + String.join(", ", known));
        }
    }

    private static LocalDate day(Map<String, String> params, String name) throws BadParameter {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new BadParameter(name + " is required: an ISO-8601 day, e.g. " + name + "=2026-12-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + " must be an ISO-8601 day (YYYY-MM-DD), not \"" + value + "\"");
        }
    }
}
