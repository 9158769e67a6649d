package io.m365insights.testsupport;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests (it replaces the default system clock bean): real time, shifted by whole days
 * when a test travels in time. Tests move the simulator's clock by the same days.
 */
@Singleton
public class TestClock extends Clock {
    private static volatile int offsetDays;

    public static void setOffsetDays(int days) {
        offsetDays = days;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offsetDays, ChronoUnit.DAYS);
    }
}
