package io.m365insights.audit;

import org.eclipse.microprofile.graphql.Description;

/** What an audit event records. Stable names: they are stored and served by the API. */
@Description("What an audit event records.")
public enum AuditAction {
    @Description("unassignLicense, or a removal by the offboarding policy in enforce mode.")
    UNASSIGN_LICENSE,
    @Description("assignLicense, or a license assigned by createUser.")
    ASSIGN_LICENSE,
    @Description("The usage location set before a license was assigned.")
    SET_USAGE_LOCATION,
    @Description("createUser.")
    CREATE_USER,
    @Description("syncNow.")
    SYNC_NOW,
    @Description("The offboarding policy made its plan after a sync (in enforce mode, each removal follows as UNASSIGN_LICENSE).")
    PLAN_OFFBOARDING,
    @Description("setLicensePrice.")
    SET_LICENSE_PRICE,
    @Description("removeGroupMember, or a group membership removed by the offboarding policy (groupMode "
            + "remove-membership).")
    REMOVE_GROUP_MEMBER,
    @Description("reprocessLicenses.")
    REPROCESS_LICENSES,
    @Description("A sync after a group membership removal by the offboarding policy: the inherited licenses are gone "
            + "(SUCCEEDED), or still there after the bounded number of syncs (FAILED, NOT_CONVERGED).")
    CONFIRM_GROUP_REMOVAL
}
