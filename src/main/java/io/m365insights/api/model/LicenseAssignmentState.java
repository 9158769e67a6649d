package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("LicenseAssignmentState")
@Description("Whether Microsoft 365 applied a license assignment, from Microsoft Graph licenseAssignmentState.state.")
public enum LicenseAssignmentState {
    @Description("Applied.")
    ACTIVE,
    @Description("Applied, with an error on some service plan (see error).")
    ACTIVE_WITH_ERROR,
    @Description("Switched off.")
    DISABLED,
    @Description("Not applied (see error): the seat is not in use and does not count as held.")
    ERROR,
    @Description("A state Microsoft Graph added after this API was written.")
    OTHER;

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
