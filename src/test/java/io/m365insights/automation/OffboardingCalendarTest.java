package io.m365insights.automation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grace period and exemption expiry on pinned days of the real calendar (a Monday, a Sunday, the 1st and the last
 * of a month, 1 January, the day after 29 February): the day a grace period ends and the last day an exemption holds
 * are counted across month and year ends. A failure names its day.
 */
class OffboardingCalendarTest {
    private static final UUID USER = UUID.fromString("7d6f3c2a-1b0e-4d5c-9a8b-7c6d5e4f3a2b");
    private static final UUID E5 = UUID.fromString("06ebc4ee-1bb5-47dd-8120-11324bc54e06");

    private static Instant tenOClock(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    }

    /** Disabled at 09:00 three days before {@code today}. */
    private static Candidate disabledThreeDaysBefore(LocalDate today) {
        return new Candidate(USER, "ana@contoso.com", "Ana", today.minusDays(3).atTime(9, 0).atOffset(ZoneOffset.UTC),
                E5, "SPE_E5", null);
    }

    @ParameterizedTest(name = "today = {0}")
    @ValueSource(strings = {"2027-01-04", "2027-01-10", "2027-02-01", "2027-02-28", "2026-12-31", "2027-01-01",
            "2028-03-01"})
    void theGracePeriodEndsOnTheRightDay(String day) {
        LocalDate today = LocalDate.parse(day);
        Candidate c = disabledThreeDaysBefore(today);

        PlanItem past = OffboardingPlanner.plan(List.of(c), List.of(), 3, tenOClock(today)).get(0);
        assertThat(past.action()).isEqualTo(OffboardingAction.REMOVE);
        assertThat(past.reason()).contains("disabled since " + today.minusDays(3));

        PlanItem waiting = OffboardingPlanner.plan(List.of(c), List.of(), 4, tenOClock(today)).get(0);
        assertThat(waiting.action()).isEqualTo(OffboardingAction.WAITING);
        assertThat(waiting.reason()).contains("grace period ends " + today.plusDays(1));
    }

    @ParameterizedTest(name = "today = {0}")
    @ValueSource(strings = {"2027-01-04", "2027-01-10", "2027-02-01", "2027-02-28", "2026-12-31", "2027-01-01",
            "2028-03-01"})
    void anExemptionHoldsThroughItsLastDayAndNotAfter(String day) {
        LocalDate today = LocalDate.parse(day);
        Candidate c = disabledThreeDaysBefore(today);
        Exemption untilToday = new Exemption(Exemption.Kind.USER, "ana@contoso.com", today, "Legal hold");
        Exemption untilYesterday = new Exemption(Exemption.Kind.USER, "ana@contoso.com", today.minusDays(1), "Old hold");

        assertThat(OffboardingPlanner.plan(List.of(c), List.of(untilToday), 0, tenOClock(today)).get(0).action())
                .isEqualTo(OffboardingAction.EXEMPT);
        PlanItem lapsed = OffboardingPlanner.plan(List.of(c), List.of(untilYesterday), 0, tenOClock(today)).get(0);
        assertThat(lapsed.action()).isEqualTo(OffboardingAction.REMOVE);
        assertThat(lapsed.reason()).contains("until " + today.minusDays(1)).contains("has expired");
    }
}
