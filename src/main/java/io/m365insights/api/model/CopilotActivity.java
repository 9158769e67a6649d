package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

@Type("CopilotActivity")
@Description("Copilot use of a Copilot seat holder, from the daily snapshots of the Copilot usage report.")
public record CopilotActivity(
        @Description("The latest day any Copilot app was used; null: never in the snapshots held, or unknown.")
        LocalDate lastActiveDate,
        @Description("False when the Copilot report cannot be told (see detail).") boolean available,
        String detail,
        @NonNull List<@NonNull CopilotAppActivity> apps) {
}
