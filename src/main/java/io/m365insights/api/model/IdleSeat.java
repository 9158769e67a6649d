package io.m365insights.api.model;

import io.m365insights.activity.ActivitySignal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

@Type("IdleSeat")
@Description("A paid seat whose holder shows no activity in the SKU's signals for the window asked.")
public record IdleSeat(
        @NonNull User user,
        @Description("The latest activity the deciding signals show; null: none in the data held.") LocalDate lastActiveDate,
        @Description("When the seat was assigned: the report's license assign date, else the assignment's last change "
                + "(see assignedSinceIsUpperBound).") LocalDate assignedSince,
        @Description("True when assignedSince is when the assignment last changed (Microsoft Graph's "
                + "lastUpdatedDateTime): the seat may be older.") boolean assignedSinceIsUpperBound,
        @NonNull @Description("The signals that decided: the SKU's available signals, or SIGN_IN when none of them is.")
        List<@NonNull ActivitySignal> decidedBy,
        @Description("The evidence is incomplete (a signal of the SKU unavailable, or only sign-ins decided): review "
                + "before reclaiming.") boolean reviewOnly,
        @NonNull @Description("Every signal of the SKU's rule (and SIGN_IN when it decided): last active date or why it "
                + "is unknown.") List<@NonNull SignalActivity> evidence) {
}
