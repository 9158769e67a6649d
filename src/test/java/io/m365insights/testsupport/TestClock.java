package io.m365insights.testsupport;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of a test run: the application's clock bean in every {@code @QuarkusTest} (it replaces the default
 * system clock), the Microsoft Graph simulator's clock ({@link #unshifted()}), and the packaged application's in the
 * {@code *IT}s (through {@code m365.clock.start}). It starts on a pinned day, {@link #DEFAULT_TODAY} at 10:00 UTC, or on
 * {@code -Dtests.today=YYYY-MM-DD}, and runs on at the pace of real time (timeouts, token lifetimes and pacing
 * still elapse), so a test run is a function of the code and of that day alone, never of the day it runs on.
 * A test travels in time with {@link #setOffsetDays}; it moves the simulator's clock by the same days itself
 * ({@code clockOffsetDays}), since Microsoft's calendar may be ahead of ours.
 */
@Singleton
public class TestClock extends Clock {
    /**
     * Sunday 3 January 2027: the usage window (today − 2 back 28 days) runs from Saturday 5 December to Friday
     * 1 January, so it crosses a month end and a year end, starts and ends in the middle of a week, and its last
     * week (28 December – 1 January) is cut by the range and by the year.
     */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2027, 1, 3);
    /** The day a run starts on: {@code -Dtests.today}, else {@link #DEFAULT_TODAY}. */
    public static final LocalDate START_DAY = startDay();
    private static final Instant START = START_DAY.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    /**
     * The monotonic time the run's clock started at, kept in a system property so that every class loader's copy of this
     * class (the test's, the application's, the test resources') reads the same clock.
     */
    private static final long ORIGIN_NANOS = Long.parseLong((String) System.getProperties()
            .computeIfAbsent("tests.clock.origin-nanos", k -> String.valueOf(System.nanoTime())));
    private static volatile int offsetDays;

    private static LocalDate startDay() {
        String day = System.getProperty("tests.today", "");
        return day.isBlank() ? DEFAULT_TODAY : LocalDate.parse(day.trim());
    }

    /** Moves the application's clock this many days from the run's clock (0: back to it). */
    public static void setOffsetDays(int days) {
        offsetDays = days;
    }

    /** The number of days to travel from the run's day to {@code day}, e.g. for {@link #setOffsetDays}. */
    public static int daysUntil(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(START_DAY, day);
    }

    /** The run's clock, without any travel: what the simulator starts with. */
    public static Instant unshiftedNow() {
        return START.plus(Duration.ofNanos(System.nanoTime() - ORIGIN_NANOS));
    }

    /** The application's "now": the run's clock moved by the current travel. */
    public static Instant now() {
        return unshiftedNow().plus(offsetDays, ChronoUnit.DAYS);
    }

    /** The application's "today" (UTC). */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** The latest day Microsoft serves a usage report for, by the application's clock: today − 2. */
    public static LocalDate latestReportDay() {
        return today().minusDays(2);
    }

    /** The latest {@code weekday} on or before {@code day}. */
    public static LocalDate onOrBefore(LocalDate day, DayOfWeek weekday) {
        return day.minusDays((day.getDayOfWeek().getValue() - weekday.getValue() + 7) % 7);
    }

    /** The run's clock without travel, as a {@link Clock}: for the Graph simulator. */
    public static Clock unshifted() {
        return new Clock() {
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
                return unshiftedNow();
            }
        };
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
        return now();
    }
}
