package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OffboardingMode")
@Description("How the offboarding policy acts (m365.offboarding.mode).")
public enum OffboardingMode {
    @Description("Nothing is planned or done.")
    OFF,
    @Description("The plan is made and shown; nothing is changed.")
    DRY_RUN,
    @Description("The plan is made and its removals are carried out.")
    ENFORCE
}
