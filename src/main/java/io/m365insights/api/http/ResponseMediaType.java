package io.m365insights.api.http;

import io.vertx.ext.web.MIMEHeader;

import java.util.List;
import java.util.Optional;

/**
 * The two media types a GraphQL response is served in, and the choice between them from the {@code Accept} header
 * (GraphQL over HTTP, "Body" and "Legacy watershed"). Only UTF-8 is produced.
 */
enum ResponseMediaType {
    /** Status codes follow the outcome: 400 when the request could not be executed (no {@code data}). */
    GRAPHQL_RESPONSE_JSON("application/graphql-response+json; charset=utf-8"),
    /** The legacy type: 200 for every well-formed request, whatever GraphQL errors it raised. */
    JSON("application/json; charset=utf-8");

    final String contentType;

    ResponseMediaType(String contentType) {
        this.contentType = contentType;
    }

    /**
     * The highest-priority acceptable type. No {@code Accept} header means application/graphql-response+json (the
     * spec's rule since 2025); a wildcard means application/json, what legacy clients and tools like curl expect.
     * Empty when nothing acceptable is listed (406).
     */
    static Optional<ResponseMediaType> negotiate(List<MIMEHeader> accept) {
        if (accept == null || accept.isEmpty()) {
            return Optional.of(GRAPHQL_RESPONSE_JSON);
        }
        for (MIMEHeader h : accept) { // sorted by quality, most wanted first
            String charset = h.parameter("charset");
            // q=0 means "not acceptable" (Vert.x's isPermitted() reads it the other way round, so not used here)
            if (h.weight() <= 0 || (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
                continue;
            }
            switch (h.value().trim().toLowerCase()) {
                case "application/graphql-response+json" -> {
                    return Optional.of(GRAPHQL_RESPONSE_JSON);
                }
                case "application/json", "application/*", "*/*" -> {
                    return Optional.of(JSON);
                }
                default -> {
                    // not one of ours; try the next
                }
            }
        }
        return Optional.empty();
    }
}
