package io.m365insights.api.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMediaTypeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/json; charset=\"utf-8\"", "application/json, application/json",
            "application/json; charset=utf-8, application/json", "application/json,"})
    void jsonInUtf8IsAcceptedAloneOrRepeated(String contentType) {
        assertThat(RequestMediaType.isJson(List.of(contentType))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "text/plain", "application/json, text/plain", "text/plain, application/json",
            "application/json; charset=iso-8859-1", "application/json, application/json; charset=utf-16",
            "application/graphql", "application/jsonx", "application/json; charset", "multipart/form-data; boundary=x"})
    void anythingElseIsRefused(String contentType) {
        assertThat(RequestMediaType.isJson(List.of(contentType))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8"})
    void theHeaderSentTwiceCountsLikeOneRepeatedValue(String second) {
        assertThat(RequestMediaType.isJson(List.of("application/json", second))).isTrue();
        assertThat(RequestMediaType.isJson(List.of("application/json", "text/plain"))).isFalse();
    }

    @Test
    void noHeaderIsRefused() {
        assertThat(RequestMediaType.isJson(List.of())).isFalse();
    }
}
