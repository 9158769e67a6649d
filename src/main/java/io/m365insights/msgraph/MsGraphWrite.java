package io.m365insights.msgraph;

/**
 * What a Microsoft Graph write returned, for the audit log.
 *
 * @param requestId           Graph's {@code request-id} response header (or {@code innerError.request-id}); null when
 *                            Graph sent none
 * @param confirmedByReadBack true when the write's own answer was lost (the request was retried and the retry was
 *                            refused because the change had already been made) and reading the user back showed the
 *                            change in place
 */
public record MsGraphWrite(String requestId, boolean confirmedByReadBack) {
}
