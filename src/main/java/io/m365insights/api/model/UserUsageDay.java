package io.m365insights.api.model;

import io.m365insights.usage.Platform;
import io.m365insights.usage.UsageApp;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

@Type("UserUsageDay")
@Description("One stored report day of a user. When names were concealed that day, `available` is false and apps and "
        + "platforms are null: unknown, not zero.")
public record UserUsageDay(
        @NonNull LocalDate date,
        boolean available,
        @Description("The user had a row in that day's report (active or not).") Boolean inReport,
        @Description("Apps used that day (SUITE is not listed: it is a sum).") List<@NonNull UsageApp> apps,
        List<@NonNull Platform> platforms) {
}
