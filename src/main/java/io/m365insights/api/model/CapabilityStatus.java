package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("CapabilityStatus")
public enum CapabilityStatus {
    ENABLED, WARNING, SUSPENDED, DELETED, LOCKED_OUT, OTHER;

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
