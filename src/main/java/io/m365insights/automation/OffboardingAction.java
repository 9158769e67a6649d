package io.m365insights.automation;

/** What the offboarding plan says about one license assignment of a disabled user. */
public enum OffboardingAction {
    /** A direct assignment past the grace period: removed in enforce mode. */
    REMOVE,
    /** Inherited from a group: Graph cannot remove it from the user; a person must change the group. */
    NEEDS_GROUP_CHANGE,
    /** An exemption (user or SKU) applies. */
    EXEMPT,
    /** The account has not been disabled longer than the grace period yet. */
    WAITING
}
