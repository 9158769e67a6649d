package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Type("LicenseAssignment")
@Description("How a user holds a license: directly, or inherited from a group. A user can hold the same license both ways.")
public record LicenseAssignment(
        @NonNull License license,
        @Id @Description("The group granting the license; null when assigned directly.") String assignedByGroupId,
        @Description("True when assigned directly (removable from the user).") boolean direct,
        LicenseAssignmentState state,
        @Description("Why the assignment failed or is in error; null when it is fine.") LicenseAssignmentError error,
        @NonNull @Description("Service plans switched off in this assignment.") List<@NonNull String> disabledPlanIds,
        OffsetDateTime lastUpdatedAt,
        // the holder, for the fields resolved from the seat history (assignedSince: UsersApi), read only when asked
        @Ignore UUID userId) {
}
