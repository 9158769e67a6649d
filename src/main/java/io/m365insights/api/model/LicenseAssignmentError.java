package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("LicenseAssignmentError")
@Description("Why Microsoft 365 could not apply a license assignment, from Microsoft Graph licenseAssignmentState.error.")
public enum LicenseAssignmentError {
    @Description("Not enough seats.")
    COUNT_VIOLATION,
    @Description("Conflicts with another license the user holds.")
    MUTUALLY_EXCLUSIVE_VIOLATION,
    @Description("Needs a service plan of another license the user does not hold.")
    DEPENDENCY_VIOLATION,
    @Description("Not available in the user's usage location.")
    PROHIBITED_IN_USAGE_LOCATION_VIOLATION,
    @Description("A user property must be unique (e.g. the proxy address) and is not.")
    UNIQUENESS_VIOLATION,
    @Description("Another reason (Microsoft Graph Other).")
    OTHER;

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
