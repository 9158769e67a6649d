package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

@Type("UserActivity")
@Description("A user's activity in every signal Microsoft gives.")
public record UserActivity(
        @Description("The latest day any available signal shows the user active (sign-ins included).") LocalDate lastActiveDate,
        @NonNull List<@NonNull SignalActivity> signals) {
}
