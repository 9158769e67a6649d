package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("RemoveGroupMemberPayload")
@Description("The result of removeGroupMember.")
public record RemoveGroupMemberPayload(
        @Description("The user as stored now. Licenses inherited from the group stay listed until a sync no longer "
                + "sees them (Microsoft 365 removes them asynchronously).") User user,
        @Description("The group as stored now.") LicenseGroup group,
        boolean dryRun,
        @Description("True when Microsoft Graph removed the membership (never on a dry run).") boolean removed,
        @NonNull @Description("What happened, or on a dry run what would happen.") String summary,
        @NonNull @Id @Description("The audit event recording this call.") String auditEventId,
        @NonNull List<@NonNull UserError> userErrors) {
}
