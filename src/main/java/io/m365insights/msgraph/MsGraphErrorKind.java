package io.m365insights.msgraph;

/** What went wrong with a Microsoft Graph request, and whether trying again can help. */
public enum MsGraphErrorKind {
    /** 429: throttled; honour Retry-After. */
    THROTTLED(true),
    /** 503 / 504: the service is temporarily unavailable. */
    UNAVAILABLE(true),
    /** Connection refused or reset, timeout: the network. */
    NETWORK(true),
    /** 401: the access token expired or was revoked; a new token is fetched before the retry. */
    UNAUTHENTICATED(true),
    /** The token endpoint refused the app's credentials (wrong tenant, client id or secret). */
    CREDENTIALS_REJECTED(false),
    /** 403: a permission is missing on the app registration. */
    FORBIDDEN(false),
    NOT_FOUND(false),
    /** 400 InvalidArgument, e.g. a report date older than Microsoft keeps. */
    INVALID_ARGUMENT(false),
    BAD_REQUEST(false),
    /** Other 5xx: not retried, as Microsoft advises only for 429/503/504. */
    SERVER_ERROR(false),
    /** A response we could not understand. */
    UNEXPECTED(false);

    private final boolean transientFault;

    MsGraphErrorKind(boolean transientFault) {
        this.transientFault = transientFault;
    }

    public boolean isTransient() {
        return transientFault;
    }
}
