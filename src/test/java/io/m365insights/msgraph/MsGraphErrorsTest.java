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
}
