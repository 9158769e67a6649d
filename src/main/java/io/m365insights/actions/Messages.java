package io.m365insights.actions;

/** userError messages used in more than one place. */
final class Messages {
    private Messages() {
    }

    static final String USAGE_LOCATION = "The user has no usage location, and Microsoft 365 assigns a license only "
            + "once it is set: pass usageLocation (an ISO 3166 two-letter country code such as \"US\") in this input "
            + "to set it first, or set it in the Microsoft 365 admin center (Users › Active users › the user › "
            + "Account › Manage contact information › Country or region) and sync";

    static final String WEAK_PASSWORD = "Microsoft Entra ID refused the password as not complex enough: use at least "
            + "8 characters with three of lower case, upper case, digits and symbols, or leave password out to get a "
            + "generated one";
}
