package io.m365insights.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors for connections ordered by one growing number: audit events (by id, newest first) and offboarding
 * plan items (by position within one plan). A cursor names its kind and scope, so one from elsewhere is refused.
 */
final class PositionCursor {
    private PositionCursor() {
    }

    static String encode(String kind, long scope, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "|" + scope + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which to continue; null without a cursor. */
    static Long decode(String cursor, String kind, long scope, String changedScopeMessage) {
        if (cursor == null) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (parts.length != 3 || !parts[0].equals(kind)) {
            throw malformed();
        }
        try {
            if (Long.parseLong(parts[1]) != scope) {
                throw new ApiInputException("after: " + changedScopeMessage);
            }
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private static ApiInputException malformed() {
        return new ApiInputException("after: malformed cursor; pass a pageInfo.endCursor or edges.cursor value from "
                + "an earlier page of the same connection unchanged");
    }
}
