package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("LicenseGroup")
@Description("A group that grants licenses to its members (group-based licensing), as Microsoft Graph last listed it.")
public record LicenseGroup(
        @Id @NonNull String id,
        String displayName,
        @NonNull LicenseGroupKind kind,
        @Description("Members are set by a membership rule (groupTypes DynamicMembership), not by hand.") boolean dynamic,
        @Description("Synced from on-premises Active Directory: its membership is changed there.") boolean onPremisesSynced,
        @Description("The membership rule of a dynamic group; null otherwise.") String membershipRule,
        @Description("False for dynamic, on-premises-synced and mail-enabled groups: their membership cannot be "
                + "changed through Microsoft Graph by hand.") boolean membershipChangeable) {
}
