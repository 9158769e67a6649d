package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OffboardingGroupMode")
@Description("What the offboarding policy does with group-inherited licenses (m365.offboarding.group-mode).")
public enum OffboardingGroupMode {
    @Description("Report them as needing a group change; a person makes it.")
    REPORT,
    @Description("In enforce mode, remove the user from each group whose membership Microsoft Graph can change, and "
            + "confirm at later syncs that the inherited license went.")
    REMOVE_MEMBERSHIP
}
