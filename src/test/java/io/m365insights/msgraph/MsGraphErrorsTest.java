package io.m365insights.msgraph;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class MsGraphErrorsTest {

    @Test
    void theGraphErrorCodeDecidesBeforeTheStatus() {
        assertThat(MsGraphErrors.kind("TooManyRequests", 429)).isEqualTo(MsGraphErrorKind.THROTTLED);
        assertThat(MsGraphErrors.kind("Request_ThrottledTemporarily", 400)).isEqualTo(MsGraphErrorKind.THROTTLED);
        assertThat(MsGraphErrors.kind("InvalidAuthenticationToken", 401)).isEqualTo(MsGraphErrorKind.UNAUTHENTICATED);
        assertThat(MsGraphErrors.kind("Authorization_RequestDenied", 403)).isEqualTo(MsGraphErrorKind.FORBIDDEN);
        assertThat(MsGraphErrors.kind("Request_ResourceNotFound", 404)).isEqualTo(MsGraphErrorKind.NOT_FOUND);
        assertThat(MsGraphErrors.kind("InvalidArgument", 400)).isEqualTo(MsGraphErrorKind.INVALID_ARGUMENT);
        assertThat(MsGraphErrors.kind("Request_UnsupportedQuery", 400)).isEqualTo(MsGraphErrorKind.BAD_REQUEST);
    }

    @Test
    void withoutAKnownCodeTheStatusDecides() {
        // reports answer a missing permission with 403 and code "UnknownError" (CONTRACT.md §2)
        assertThat(MsGraphErrors.kind("UnknownError", 403)).isEqualTo(MsGraphErrorKind.FORBIDDEN);
        assertThat(MsGraphErrors.kind("", 503)).isEqualTo(MsGraphErrorKind.UNAVAILABLE);
        assertThat(MsGraphErrors.kind(null, 504)).isEqualTo(MsGraphErrorKind.UNAVAILABLE);
        assertThat(MsGraphErrors.kind(null, 429)).isEqualTo(MsGraphErrorKind.THROTTLED);
        assertThat(MsGraphErrors.kind("UnknownError", 500)).isEqualTo(MsGraphErrorKind.SERVER_ERROR);
        assertThat(MsGraphErrorKind.SERVER_ERROR.isTransient()).isFalse();
    }

    @Test
    void networkFaultsAreTransient() {
        MsGraphException e = MsGraphErrors.map("list users", new RuntimeException(new SocketTimeoutException("timeout")));
        assertThat(e.kind()).isEqualTo(MsGraphErrorKind.NETWORK);
        assertThat(e.isTransient()).isTrue();
        assertThat(MsGraphErrors.map("x", new IllegalStateException(new IOException("unexpected end of stream")))
                .kind()).isEqualTo(MsGraphErrorKind.NETWORK);
    }

    @Test
    void theTokenEndpointsOAuthErrorCodeDecidesWhetherToRetry() {
        MsGraphException refused = MsGraphErrors.map("list users", new RuntimeException(token(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: x\"}",
                null)));
        assertThat(refused.kind()).isEqualTo(MsGraphErrorKind.CREDENTIALS_REJECTED);
        assertThat(refused.getMessage()).contains("invalid_client").contains("AADSTS7000215").doesNotContain("Trace ID")
                .contains("M365_CLIENT_SECRET");
        assertThat(MsGraphErrors.map("x", token(400, "{\"error\":\"invalid_scope\"}", null)).isTransient()).isFalse();
        assertThat(MsGraphErrors.map("x", token(503, "{\"error\":\"temporarily_unavailable\"}", null)).kind())
                .isEqualTo(MsGraphErrorKind.UNAVAILABLE);
        MsGraphException throttled = MsGraphErrors.map("x", token(429, "", "1.5"));
        assertThat(throttled.kind()).isEqualTo(MsGraphErrorKind.THROTTLED);
        assertThat(throttled.retryAfter()).contains(java.time.Duration.ofMillis(1500));
        // a gateway's HTML page: the status decides
        assertThat(MsGraphErrors.map("x", token(502, "<html>Bad Gateway</html>", null)).isTransient()).isTrue();
        assertThat(MsGraphErrors.map("x", token(404, "<html>Not Found</html>", null)).isTransient()).isFalse();
    }

    @Test
    void aTokenEndpointThatCannotBeReachedIsANetworkFault() {
        MsGraphException e = MsGraphErrors.map("list users",
                new io.quarkus.oidc.client.OidcClientException("OIDC Server is not available"));
        assertThat(e.kind()).isEqualTo(MsGraphErrorKind.NETWORK);
        assertThat(MsGraphErrors.map("x", new io.smallrye.mutiny.TimeoutException()).kind())
                .isEqualTo(MsGraphErrorKind.NETWORK);
    }

    private static TokenEndpointException token(int status, String body, String retryAfter) {
        return TokenEndpointException.from(status, io.vertx.mutiny.core.buffer.Buffer.buffer(body), retryAfter);
    }
}
