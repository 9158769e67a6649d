package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CapabilityStatus")
@Description("The state of a subscribed SKU, from Microsoft Graph capabilityStatus.")
public enum CapabilityStatus {
    @Description("Active: seats can be assigned.")
    ENABLED,
    @Description("Expired, in its grace period: still usable.")
    WARNING,
    @Description("Suspended: seats cannot be used; about to be removed.")
    SUSPENDED,
    @Description("Deleted: the subscription ended.")
    DELETED,
    @Description("Locked out: canceled, seats unusable.")
    LOCKED_OUT,
    @Description("A state Microsoft Graph added after this API was written.")
    OTHER;

    public static CapabilityStatus fromGraph(String value) {
        if (value == null) {
            return OTHER;
        }
        return switch (value) {
            case "Enabled" -> ENABLED;
            case "Warning" -> WARNING;
            case "Suspended" -> SUSPENDED;
            case "Deleted" -> DELETED;
            case "LockedOut" -> LOCKED_OUT;
            default -> OTHER;
        };
    }
}
