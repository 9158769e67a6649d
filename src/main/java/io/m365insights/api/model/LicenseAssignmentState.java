package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("LicenseAssignmentState")
public enum LicenseAssignmentState {
    ACTIVE, ACTIVE_WITH_ERROR, DISABLED, ERROR, OTHER;

    public static LicenseAssignmentState fromGraph(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "Active" -> ACTIVE;
            case "ActiveWithError" -> ACTIVE_WITH_ERROR;
            case "Disabled" -> DISABLED;
            case "Error" -> ERROR;
            default -> OTHER;
        };
    }
}
