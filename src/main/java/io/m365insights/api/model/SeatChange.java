package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("SeatChange")
@Description("How many seats of a license changed in one way on one day (UTC).")
public record SeatChange(@NonNull LocalDate day, @NonNull SeatChangeKind kind, int count) {
}
