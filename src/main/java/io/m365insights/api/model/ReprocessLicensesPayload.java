package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("ReprocessLicensesPayload")
@Description("The result of reprocessLicenses.")
public record ReprocessLicensesPayload(
        @Description("The user as stored now (the outcome of the re-evaluation shows after the next sync).") User user,
        @Description("True when Microsoft Graph accepted the request.") boolean requested,
        @NonNull @Description("What happened.") String summary,
        @NonNull @Id @Description("The audit event recording this call.") String auditEventId,
        @NonNull List<@NonNull UserError> userErrors) {
}
