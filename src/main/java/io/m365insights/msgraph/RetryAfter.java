package io.m365insights.msgraph;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After}: seconds, possibly fractional ("2.128"), or an HTTP date (RFC 1123). */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        // Some services send a list ("1, 2"); like Kiota, take the first positive value.
        for (String part : value.split(",")) {
            String v = part.trim();
            try {
                double seconds = Double.parseDouble(v);
                if (seconds >= 0 && Double.isFinite(seconds)) {
                    return Optional.of(Duration.ofNanos((long) (seconds * 1_000_000_000L)));
                }
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notADate) {
                    // not a usable value; try the next one
                }
            }
        }
        return Optional.empty();
    }
}
