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

    static String dynamicGroup(String group, String rule) {
        return group + " has dynamic membership: Microsoft Graph cannot remove a member by hand. Change its "
                + "membership rule" + (rule == null ? "" : " (" + rule + ")") + " in the Microsoft Entra admin center "
                + "(Groups › the group › Dynamic membership rules), or the user's attributes it tests";
    }

    static String onPremisesGroup(String group) {
        return group + " is synced from on-premises Active Directory: change its membership there (Active Directory "
                + "Users and Computers, or Remove-ADGroupMember); the next Entra Connect sync carries it over";
    }

    static String mailEnabledGroup(String group) {
        return group + " is a mail-enabled security group: Microsoft Graph cannot change its members; change them in "
                + "Exchange (the Exchange admin center, or Remove-DistributionGroupMember in Exchange Online PowerShell)";
    }
}
