package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("CopilotAppActivity")
public record CopilotAppActivity(@NonNull CopilotApp app, LocalDate lastActiveDate) {
}
