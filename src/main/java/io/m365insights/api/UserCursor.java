package io.m365insights.api;

import io.m365insights.users.UserQueries;
import io.m365insights.users.UserRow;
import io.m365insights.users.UserSort;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque cursors of the users connection: the position (sort key and id) of a user in a given order. A cursor is only
 * valid with the order it was issued for.
 */
final class UserCursor {
    private static final String VERSION = "u1";

    private UserCursor() {
    }

    static String encode(UserSort sort, UserRow u) {
        Object key = sort.keyOf(u);
        String raw = String.join("|", VERSION, sort.field().name(), sort.descending() ? "D" : "A", u.id().toString(),
                key == null ? "" : key.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<UserQueries.After> decode(String cursor, UserSort sort) {
        if (cursor == null) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 5);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw malformed();
        }
        if (!parts[1].equals(sort.field().name()) || !parts[2].equals(sort.descending() ? "D" : "A")) {
            throw new ApiInputException("after: this cursor belongs to another orderBy; use the same orderBy "
                    + "for every page, or start again without a cursor");
        }
        try {
            UUID id = UUID.fromString(parts[3]);
            Object key = sort.field() == UserSort.Field.CREATED_AT ? OffsetDateTime.parse(parts[4]) : parts[4];
            return Optional.of(new UserQueries.After(key, id));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed();
        }
    }

    private static ApiInputException malformed() {
        return new ApiInputException("after: malformed cursor; pass a pageInfo.endCursor or edges.cursor value "
                + "from an earlier page unchanged");
    }
}
