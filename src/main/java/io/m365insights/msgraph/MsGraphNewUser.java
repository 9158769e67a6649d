package io.m365insights.msgraph;

/**
 * A user to create with {@code POST /users} (CONTRACT.md §6). The password is sent once to Microsoft Graph and kept
 * nowhere else; {@link #toString()} leaves it out so it cannot reach a log by accident.
 */
public record MsGraphNewUser(String userPrincipalName, String mailNickname, String displayName, boolean accountEnabled,
                             String usageLocation, String department, String jobTitle, String password) {

    @Override
    public String toString() {
        return "MsGraphNewUser[userPrincipalName=" + userPrincipalName + ", displayName=" + displayName
                + ", password=(not shown)]";
    }
}
