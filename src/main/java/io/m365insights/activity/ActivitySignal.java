package io.m365insights.activity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Where evidence that a seat is used can come from (PRODUCT.md, "Activity signals"). */
@Enum("ActivitySignal")
@Description("APPS: the Microsoft 365 Apps usage report (six Office apps). COPILOT: the Copilot usage report. EXCHANGE, "
        + "ONEDRIVE, SHAREPOINT, TEAMS: the Microsoft 365 active user detail report's per-service last activity. "
        + "SIGN_IN: the user's last successful sign-in (needs AuditLog.Read.All and Entra ID P1).")
public enum ActivitySignal {
    @Description("The Microsoft 365 Apps usage report (the six Office apps).")
    APPS,
    @Description("The Microsoft 365 Copilot usage report.")
    COPILOT,
    @Description("Exchange (mail) last activity, from the Microsoft 365 active user detail report.")
    EXCHANGE,
    @Description("OneDrive last activity, from the Microsoft 365 active user detail report.")
    ONEDRIVE,
    @Description("SharePoint last activity, from the Microsoft 365 active user detail report.")
    SHAREPOINT,
    @Description("Teams last activity, from the Microsoft 365 active user detail report.")
    TEAMS,
    @Description("The user's last successful sign-in (needs AuditLog.Read.All and Entra ID P1).")
    SIGN_IN;

    /** The sync part that brings this signal. */
    public io.m365insights.sync.SyncPartName source() {
        return switch (this) {
            case APPS -> io.m365insights.sync.SyncPartName.USAGE;
            case COPILOT -> io.m365insights.sync.SyncPartName.COPILOT_USAGE;
            case SIGN_IN -> io.m365insights.sync.SyncPartName.SIGN_INS;
            default -> io.m365insights.sync.SyncPartName.SERVICE_ACTIVITY;
        };
    }
}
