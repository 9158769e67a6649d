package io.m365insights.msgraph;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void retryAfterIsHonouredAndNeverShortened() {
        Duration ra = Duration.ofMillis(2128);
        assertThat(RetryBackoff.delayMillis(1, ra, 1000, 120_000, 0.0)).isEqualTo(2128);
        assertThat(RetryBackoff.delayMillis(1, ra, 1000, 120_000, 0.999)).isBetween(2128L, 2341L);
        // sub-millisecond remainders round up, never down
        assertThat(RetryBackoff.delayMillis(1, Duration.ofNanos(1_500_000), 1000, 120_000, 0.0)).isEqualTo(2);
    }

    @Test
    void withoutRetryAfterTheDelayDoublesWithJitterAndIsCapped() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long exp = 1000L << (attempt - 1);
            assertThat(RetryBackoff.delayMillis(attempt, null, 1000, 120_000, 0.0)).isEqualTo(exp / 2);
            assertThat(RetryBackoff.delayMillis(attempt, null, 1000, 120_000, 0.999)).isBetween(exp / 2, exp);
        }
        assertThat(RetryBackoff.delayMillis(30, null, 1000, 120_000, 0.999)).isLessThanOrEqualTo(120_000);
        assertThat(RetryBackoff.delayMillis(1, Duration.ofMinutes(10), 1000, 120_000, 0.5)).isEqualTo(120_000);
    }
}
