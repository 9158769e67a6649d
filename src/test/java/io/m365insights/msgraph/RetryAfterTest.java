package io.m365insights.msgraph;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void fractionalSecondsAsGraphSendsThem() {
        assertThat(RetryAfter.parse("2.128", clock)).contains(Duration.ofMillis(2128));
        assertThat(RetryAfter.parse("0.5", clock)).contains(Duration.ofMillis(500));
        assertThat(RetryAfter.parse("10", clock)).contains(Duration.ofSeconds(10));
    }

    @Test
    void anHttpDateCountsFromNow() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void aListTakesTheFirstUsableValueAndGarbageIsIgnored() {
        assertThat(RetryAfter.parse("-1, 3", clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }
}
