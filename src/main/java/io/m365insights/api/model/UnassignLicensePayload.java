package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("UnassignLicensePayload")
@Description("The result of unassignLicense.")
public record UnassignLicensePayload(
        @Description("The user as stored now (after the change). The account is never disabled by this mutation.") User user,
        @Description("The license with its seat counts as stored now.") License license,
        boolean dryRun,
        @Description("True when the direct assignment was removed (never on a dry run).") boolean removed,
        @NonNull @Id @Description("Groups through which the user still holds this license: only a group change removes it.")
        List<@NonNull String> keptThroughGroupIds,
        @NonNull @Description("What happened, or on a dry run what would happen.") String summary,
        @NonNull @Id @Description("The audit event recording this call.") String auditEventId,
        @NonNull List<@NonNull UserError> userErrors) {
}
