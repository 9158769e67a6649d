package io.m365insights.actions;

import java.util.List;
import java.util.UUID;

/**
 * A user to create. {@code password} null: a temporary one is generated. {@link #toString()} never shows the password.
 */
public record NewUser(String displayName, String email, String usageLocation, String department, String jobTitle,
                      boolean accountEnabled, String password, List<UUID> licenseSkuIds) {
    public NewUser {
        licenseSkuIds = licenseSkuIds == null ? List.of() : List.copyOf(licenseSkuIds);
    }

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", displayName=" + displayName + ", password=(not shown)]";
    }
}
