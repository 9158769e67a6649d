package io.m365insights.msgraph;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The Entra ID token endpoint answered with an error: its HTTP status, the OAuth 2.0 {@code error} code (RFC 6749
 * §5.2) and the first line of its description (an AADSTS code and text; Entra ID never echoes the secret). Whether
 * trying again can help follows the status and the code, never the text.
 */
public class TokenEndpointException extends RuntimeException {
    /** Codes saying the request or the app's credentials are wrong: a retry gets the same answer. */
    private static final Set<String> PERMANENT = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");
    private static final Set<String> TRANSIENT = Set.of("temporarily_unavailable", "server_error");

    private final int status;
    private final String error;
    private final Duration retryAfter;

    TokenEndpointException(int status, String error, String description, Duration retryAfter) {
        super("HTTP " + status + (error == null ? "" : " " + error) + (description == null ? "" : ": " + description));
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    static TokenEndpointException from(int status, Buffer body, String retryAfter) {
        String error = null;
        String description = null;
        try {
            JsonObject json = body == null || body.length() == 0 ? null : body.toJsonObject();
            if (json != null) {
                error = json.getValue("error") instanceof String s ? s : null;
                description = json.getValue("error_description") instanceof String s ? firstLine(s) : null;
            }
        } catch (DecodeException | ClassCastException notOAuthJson) {
            // a proxy's or gateway's page: the status alone decides
        }
        return new TokenEndpointException(status, error, description,
                RetryAfter.parse(retryAfter, Clock.systemUTC()).orElse(null));
    }

    public int status() {
        return status;
    }

    /** The OAuth 2.0 error code, e.g. {@code invalid_client}; null when the body was not an OAuth error. */
    public String error() {
        return error;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Throttling, an outage or a gateway error; not a refusal of the request or the credentials. */
    public boolean isTransient() {
        if (error != null && PERMANENT.contains(error)) {
            return false;
        }
        return (error != null && TRANSIENT.contains(error)) || status == 429 || status == 408 || status >= 500;
    }

    private static String firstLine(String s) {
        int end = s.indexOf('\r');
        int nl = s.indexOf('\n');
        if (end < 0 || (nl >= 0 && nl < end)) {
            end = nl;
        }
        return (end < 0 ? s : s.substring(0, end)).trim();
    }
}
