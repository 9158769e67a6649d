package io.m365insights.api.model;

import io.m365insights.usage.UsageApp;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("AppActivity")
@Description("A user's activity in one app, from the stored usage reports.")
public record AppActivity(
        @NonNull UsageApp app,
        @Description("The latest stored day the user used the app; null: not in the stored history.") LocalDate lastActiveDate,
        @Description("Days the user used the app among the 28 most recent report days.") int activeDaysLast28) {
}
