package io.m365insights.msgraph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.quarkus.oidc.client.OidcClientException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Maps what the Microsoft Graph SDK and the token client throw to {@link MsGraphException}. Branches on Graph's
 * {@code error.code} first (the contract), on the HTTP status only when there is no code; never on message text.
 */
public final class MsGraphErrors {
    private MsGraphErrors() {
    }

    public static MsGraphException map(String operation, Throwable failure) {
        if (failure instanceof MsGraphException e) {
            return e;
        }
        ApiException api = find(failure, ApiException.class);
        if (api != null) {
            return fromApi(operation, api);
        }
        TokenEndpointException refused = find(failure, TokenEndpointException.class);
        if (refused != null) {
            return fromTokenEndpoint(operation, refused);
        }
        // quarkus-oidc-client's other failures mean the token endpoint could not be reached (it drops the cause)
        if (find(failure, OidcClientException.class) != null || find(failure, TimeoutException.class) != null
                || find(failure, io.smallrye.mutiny.TimeoutException.class) != null) {
            return new MsGraphException(MsGraphErrorKind.NETWORK, operation + " (token request)", 0, null,
                    "the Entra ID token endpoint (M365_TOKEN_URL) did not answer in time or could not be reached", null,
                    null);
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new MsGraphException(MsGraphErrorKind.NETWORK, operation, 0, null,
                    io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage()), null, null);
        }
        return new MsGraphException(MsGraphErrorKind.UNEXPECTED, operation, 0, null,
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), null, null);
    }

    /** Whether a failure came from talking to Microsoft Graph or Entra ID (HTTP, network, token), not from our code. */
    public static boolean isGraphFailure(Throwable failure) {
        return failure instanceof MsGraphException || find(failure, ApiException.class) != null
                || find(failure, TokenEndpointException.class) != null
                || find(failure, OidcClientException.class) != null || find(failure, IOException.class) != null
                || find(failure, TimeoutException.class) != null
                || find(failure, io.smallrye.mutiny.TimeoutException.class) != null;
    }

    private static MsGraphException fromTokenEndpoint(String operation, TokenEndpointException e) {
        if (!e.isTransient()) {
            return new MsGraphException(MsGraphErrorKind.CREDENTIALS_REJECTED, operation + " (token request)", e.status(),
                    e.error(), "Entra ID refused the client-credentials token request; check M365_TENANT_ID, "
                    + "M365_CLIENT_ID, M365_CLIENT_SECRET and M365_TOKEN_URL (" + e.getMessage() + ")", null, null);
        }
        return new MsGraphException(e.status() == 429 ? MsGraphErrorKind.THROTTLED : MsGraphErrorKind.UNAVAILABLE,
                operation + " (token request)", e.status(), e.error(), "the Entra ID token endpoint is unavailable ("
                + e.getMessage() + ")", null, e.retryAfter());
    }

    private static MsGraphException fromApi(String operation, ApiException api) {
        int status = api.getResponseStatusCode();
        String code = null;
        String message = null;
        String requestId = null;
        if (api instanceof ODataError odata && odata.getError() != null) {
            code = odata.getError().getCode();
            message = odata.getError().getMessage();
            if (odata.getError().getInnerError() != null) {
                requestId = odata.getError().getInnerError().getRequestId();
            }
        }
        if (requestId == null) {
            requestId = header(api, "request-id");
        }
        Duration retryAfter = RetryAfter.parse(header(api, "Retry-After"), Clock.systemUTC()).orElse(null);
        return new MsGraphException(kind(code, status), operation, status, code, message, requestId, retryAfter);
    }

    private static final Set<String> THROTTLED = Set.of("TooManyRequests", "Request_ThrottledTemporarily",
            "activityLimitReached");
    private static final Set<String> UNAVAILABLE = Set.of("ServiceUnavailable", "serviceNotAvailable", "GatewayTimeout",
            "timeout");
    private static final Set<String> UNAUTHENTICATED = Set.of("InvalidAuthenticationToken", "unauthenticated");
    private static final Set<String> FORBIDDEN = Set.of("Authorization_RequestDenied", "accessDenied",
            "Authorization_IdentityNotFound");
    private static final Set<String> NOT_FOUND = Set.of("Request_ResourceNotFound", "ResourceNotFound", "itemNotFound");
    private static final Set<String> INVALID_ARGUMENT = Set.of("InvalidArgument");
    private static final Set<String> BAD_REQUEST = Set.of("Request_BadRequest", "Request_UnsupportedQuery", "BadRequest",
            "invalidRequest");

    static MsGraphErrorKind kind(String code, int status) {
        if (code != null && !code.isBlank()) {
            if (THROTTLED.contains(code)) {
                return MsGraphErrorKind.THROTTLED;
            }
            if (UNAVAILABLE.contains(code)) {
                return MsGraphErrorKind.UNAVAILABLE;
            }
            if (UNAUTHENTICATED.contains(code)) {
                return MsGraphErrorKind.UNAUTHENTICATED;
            }
            if (FORBIDDEN.contains(code)) {
                return MsGraphErrorKind.FORBIDDEN;
            }
            if (NOT_FOUND.contains(code)) {
                return MsGraphErrorKind.NOT_FOUND;
            }
            if (INVALID_ARGUMENT.contains(code)) {
                return MsGraphErrorKind.INVALID_ARGUMENT;
            }
            if (BAD_REQUEST.contains(code)) {
                return MsGraphErrorKind.BAD_REQUEST;
            }
        }
        // No code we know (e.g. reports' "UnknownError" wrapping S2SUnauthorized on a 403): the status decides.
        return switch (status) {
            case 429 -> MsGraphErrorKind.THROTTLED;
            case 503, 504 -> MsGraphErrorKind.UNAVAILABLE;
            case 401 -> MsGraphErrorKind.UNAUTHENTICATED;
            case 403 -> MsGraphErrorKind.FORBIDDEN;
            case 404 -> MsGraphErrorKind.NOT_FOUND;
            case 400 -> MsGraphErrorKind.BAD_REQUEST;
            default -> status >= 500 ? MsGraphErrorKind.SERVER_ERROR : MsGraphErrorKind.UNEXPECTED;
        };
    }

    private static String header(ApiException api, String name) {
        if (api.getResponseHeaders() == null) {
            return null;
        }
        var values = api.getResponseHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
