package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("LicenseGroupKind")
@Description("The kind of a licensing group: a security group, a Microsoft 365 group (groupTypes Unified), or a "
        + "mail-enabled security group (its membership is changed only through Exchange).")
public enum LicenseGroupKind {
    @Description("A security group (not mail-enabled, not a Microsoft 365 group).")
    SECURITY,
    @Description("A Microsoft 365 group (groupTypes contains Unified).")
    MICROSOFT_365,
    @Description("A mail-enabled security group: its membership is changed only through Exchange.")
    MAIL_ENABLED_SECURITY
}
