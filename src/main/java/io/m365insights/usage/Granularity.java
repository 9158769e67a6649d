package io.m365insights.usage;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Periods of a usage series: days, ISO weeks (from Monday), calendar months (from the 1st). */
@Enum("Granularity")
@Description("DAY; WEEK starts on Monday (ISO); MONTH starts on the 1st.")
public enum Granularity {
    @Description("One period per day.")
    DAY,
    @Description("ISO weeks, starting on Monday.")
    WEEK,
    @Description("Calendar months, starting on the 1st.")
    MONTH;

    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public LocalDate periodEnd(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
