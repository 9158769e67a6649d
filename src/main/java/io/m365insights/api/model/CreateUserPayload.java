package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("CreateUserPayload")
@Description("The result of createUser.")
public record CreateUserPayload(
        @Description("The new user; null when no user was created.") User user,
        @Description("The generated temporary password, when none was given: shown here once, stored and logged nowhere. "
                + "The user must change it at first sign-in.") String temporaryPassword,
        @NonNull @Description("Each license asked for, in order, with its own outcome.")
        List<@NonNull LicenseAssignmentOutcome> licenses,
        @NonNull String summary,
        @NonNull @Id @Description("The audit event recording the creation (or the refusal).") String auditEventId,
        @NonNull @Description("Why the user was not created, or which licenses were not assigned (field points at the "
                + "SKU in licenseSkuIds); a created user with failed licenses has both user and userErrors.")
        List<@NonNull UserError> userErrors) {

    @Override
    public String toString() {
        return "CreateUserPayload[user=" + (user == null ? null : user.id()) + ", temporaryPassword=(not shown)]";
    }
}
