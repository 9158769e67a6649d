package io.m365insights.automation;

import org.eclipse.microprofile.graphql.Description;

/** What the offboarding plan says about one license assignment of a disabled user. */
@Description("What the offboarding plan says about one license assignment of a disabled user.")
public enum OffboardingAction {
    @Description("A direct assignment past the grace period: removed in enforce mode.")
    REMOVE,
    @Description("Inherited from a group: Microsoft Graph cannot remove it from the user. In groupMode remove-membership "
            + "(enforce mode) the policy removes the user from a group whose membership Graph can change; otherwise a "
            + "person must change the group.")
    NEEDS_GROUP_CHANGE,
    @Description("An exemption (user, SKU or group) applies.")
    EXEMPT,
    @Description("The account has not been disabled longer than the grace period yet.")
    WAITING
}
