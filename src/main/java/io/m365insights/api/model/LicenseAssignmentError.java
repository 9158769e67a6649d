package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("LicenseAssignmentError")
public enum LicenseAssignmentError {
    COUNT_VIOLATION, MUTUALLY_EXCLUSIVE_VIOLATION, DEPENDENCY_VIOLATION, PROHIBITED_IN_USAGE_LOCATION_VIOLATION,
    UNIQUENESS_VIOLATION, OTHER;

    public static LicenseAssignmentError fromGraph(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "CountViolation" -> COUNT_VIOLATION;
            case "MutuallyExclusiveViolation" -> MUTUALLY_EXCLUSIVE_VIOLATION;
            case "DependencyViolation" -> DEPENDENCY_VIOLATION;
            case "ProhibitedInUsageLocationViolation" -> PROHIBITED_IN_USAGE_LOCATION_VIOLATION;
            case "UniquenessViolation" -> UNIQUENESS_VIOLATION;
            default -> OTHER; // "Other", and the old docs' "Others"
        };
    }
}
