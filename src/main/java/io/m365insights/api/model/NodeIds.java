package io.m365insights.api.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Global ids of {@link io.m365insights.api.model.Node}s: the type's name and its own key (a GUID or a number),
 * base64url-encoded so that clients treat them as opaque.
 */
public final class NodeIds {
    public static final String DESCRIPTION = "The global id: opaque, unique across every type; pass it to `node(id:)`.";

    /** The types that are nodes, by their schema names. */
    public enum Kind { User, License, AuditEvent, SyncRun }

    /** A decoded global id. */
    public record Ref(Kind kind, String key) {
    }

    private NodeIds() {
    }

    public static String encode(Kind kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind.name() + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The type and key of a global id; empty when it is not one of ours. */
    public static Optional<Ref> decode(String id) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(id.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ref(Kind.valueOf(text.substring(0, colon)), text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
