package io.m365insights.msgraph;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed Microsoft Graph (or token) request, classified by {@link MsGraphErrorKind}. The message is safe to show and
 * log: operation, HTTP status, Graph's {@code error.code} and message, request id; never a token or secret.
 */
public class MsGraphException extends RuntimeException {
    private final MsGraphErrorKind kind;
    private final String operation;
    private final int status;
    private final String code;
    private final String requestId;
    private final Duration retryAfter;
    private final String graphMessage;

    public MsGraphException(MsGraphErrorKind kind, String operation, int status, String code, String message,
                            String requestId, Duration retryAfter) {
        super(describe(operation, status, code, message, requestId));
        this.kind = kind;
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
        this.graphMessage = message;
    }

    private static String describe(String operation, int status, String code, String message, String requestId) {
        StringBuilder sb = new StringBuilder("Microsoft Graph ").append(operation).append(" failed");
        if (status > 0) {
            sb.append(": HTTP ").append(status);
        }
        if (code != null && !code.isBlank()) {
            sb.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            sb.append(" - ").append(message);
        }
        if (requestId != null) {
            sb.append(" (request-id ").append(requestId).append(')');
        }
        return sb.toString();
    }

    public MsGraphErrorKind kind() {
        return kind;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    /** Graph's {@code error.code}, e.g. {@code Request_BadRequest}; null when the body was not an OData error. */
    public String code() {
        return code;
    }

    /** Graph's {@code error.message} (or our description of the failure), without the operation and request id. */
    public String graphMessage() {
        return graphMessage;
    }

    public String requestId() {
        return requestId;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isTransient() {
        return kind.isTransient();
    }
}
