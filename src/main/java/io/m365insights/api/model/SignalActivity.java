package io.m365insights.api.model;

import io.m365insights.activity.ActivitySignal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("SignalActivity")
@Description("What one activity signal says about a user. available: false means unknown (a permission or license "
        + "missing, names concealed, not synced yet), never inactive; detail says why, in words an admin can act on.")
public record SignalActivity(
        @NonNull ActivitySignal signal,
        @Description("The latest day this signal shows the user active; null: no activity in the data held, or unknown.")
        LocalDate lastActiveDate,
        boolean available,
        String detail) {
}
