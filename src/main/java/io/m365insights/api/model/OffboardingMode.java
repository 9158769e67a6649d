package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("OffboardingMode")
public enum OffboardingMode {
    /** Nothing is planned or done. */
    OFF,
    /** The plan is made and shown; nothing is changed. */
    DRY_RUN,
    /** The plan is made and its removals are carried out. */
    ENFORCE
}
