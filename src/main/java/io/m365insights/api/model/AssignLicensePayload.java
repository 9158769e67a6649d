package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AssignLicensePayload")
@Description("The result of assignLicense.")
public record AssignLicensePayload(
        @Description("The user as stored now (after the change).") User user,
        @Description("The license with its seat counts as stored now.") License license,
        @Description("True when the license was assigned (or already was, and its disabled plans were set).") boolean assigned,
        @NonNull String summary,
        @NonNull @Id @Description("The audit event recording this call.") String auditEventId,
        @NonNull List<@NonNull UserError> userErrors) {
}
