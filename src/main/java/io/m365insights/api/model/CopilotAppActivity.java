package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("CopilotAppActivity")
@Description("A Copilot seat holder's latest activity in one Copilot app.")
public record CopilotAppActivity(@NonNull CopilotApp app, LocalDate lastActiveDate) {
}
