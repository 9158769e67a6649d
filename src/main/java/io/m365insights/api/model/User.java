package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("User")
@Description("A user (person or account) of the Microsoft 365 directory, as of the last sync.")
public record User(
        @Id @NonNull @Description("The Entra ID object id.") String id,
        @NonNull String userPrincipalName,
        String displayName,
        String mail,
        @Description("False when the account is disabled (blocked from signing in).") boolean accountEnabled,
        String department,
        String jobTitle,
        @Description("ISO 3166 two-letter country code; required before a license can be assigned.") String usageLocation,
        @Description("When the account was created in Entra ID.") OffsetDateTime createdAt,
        @Description("When a complete sync no longer found the user; null while the user exists.") OffsetDateTime deletedAt,
        @NonNull @Description("When m365-insights first saw the user.") OffsetDateTime firstSeenAt) implements Node {
    @Override
    @Id
    @NonNull
    @Description(NodeIds.DESCRIPTION)
    public String getNodeId() {
        return NodeIds.encode(NodeIds.Kind.User, id);
    }
}
