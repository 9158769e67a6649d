package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("UsageStatus")
@Description("Whether a user's own usage can be told. AVAILABLE; NOT_IN_REPORTS: the usage reports never listed the "
        + "user (e.g. no license that includes the apps); CONCEALED: the latest reports conceal names (see "
        + "syncStatus.usage); NO_DATA: no usage report is stored yet.")
public enum UsageStatus {
    @Description("The user's own usage is known.")
    AVAILABLE,
    @Description("The usage reports never listed the user (e.g. no license that includes the apps).")
    NOT_IN_REPORTS,
    @Description("The latest reports conceal names (see syncStatus.usage).")
    CONCEALED,
    @Description("No usage report is stored yet.")
    NO_DATA
}
