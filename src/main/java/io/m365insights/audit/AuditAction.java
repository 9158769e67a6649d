package io.m365insights.audit;

/** What an audit event records. Stable names: they are stored and served by the API. */
public enum AuditAction {
    UNASSIGN_LICENSE,
    ASSIGN_LICENSE,
    SET_USAGE_LOCATION,
    CREATE_USER,
    SYNC_NOW,
    /** The offboarding policy made its plan after a sync (in enforce mode, each removal follows as UNASSIGN_LICENSE). */
    PLAN_OFFBOARDING,
    /** A license price was set (setLicensePrice). */
    SET_LICENSE_PRICE
}
