package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

@Type("UsageCoverage")
@Description("The usage days m365-insights holds. History is kept beyond Microsoft's 28-day window.")
public record UsageCoverage(
        @Description("The oldest stored report day.") LocalDate firstDay,
        @Description("The latest stored report day.") LocalDate lastDay,
        int daysStored,
        @NonNull @Description("First day of the current sync window (today - delay - lookback + 1).") LocalDate windowStart,
        @NonNull @Description("Last day of the current sync window (today - delay).") LocalDate windowEnd,
        @NonNull @Description("Days of the window without stored data.") List<@NonNull LocalDate> missingDays,
        @Description("The latest 'Report Refresh Date' Microsoft gave.") LocalDate reportRefreshDate,
        @Description("The latest reports conceal user names: counts stay right, per-user usage is unavailable.")
        boolean namesConcealed,
        @Description("The tenant's 'display concealed names' setting: read from Microsoft Graph when fetched reports "
                + "conceal names, false when they show names; null when it could not be read or no report was fetched.")
        Boolean concealedNamesSetting,
        @Description("What to do about it, when names are concealed.") String howToRevealNames) {
}
