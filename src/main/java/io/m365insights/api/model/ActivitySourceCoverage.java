package io.m365insights.api.model;

import io.m365insights.activity.ActivitySignal;
import io.m365insights.sync.SyncPartName;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Type("ActivitySourceCoverage")
@Description("One source of activity signals (a sync part): what it holds and whether its signals can be told.")
public record ActivitySourceCoverage(
        @NonNull SyncPartName part,
        @NonNull List<@NonNull ActivitySignal> signals,
        @Description("False: the signals are unknown (see detail), never read as inactive.") boolean available,
        @Description("Why not, or what the latest sync could not do, in words an admin can act on.") String detail,
        boolean namesConcealed,
        @Description("The oldest report day (or snapshot day) held.") LocalDate firstDay,
        @Description("The latest report day (or snapshot day) held.") LocalDate lastDay,
        int daysHeld,
        @NonNull @Description("Days of the usage window without data (daily reports only).") List<@NonNull LocalDate> missingDays,
        @Description("When the latest successful fetch (a snapshot, a sign-in pass) happened.") OffsetDateTime lastFetchedAt) {
}
