package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("OffboardingExemption")
@Description("A user, SKU or licensing group the offboarding policy leaves alone (configured with m365.offboarding.exemptions).")
public record OffboardingExemption(
        @NonNull OffboardingExemptionKind kind,
        @NonNull @Description("A user principal name or object id; a skuId or part number; a group object id or display name.") String target,
        @Description("The last day it applies (inclusive, UTC); null = no end.") LocalDate until,
        @NonNull String reason,
        @Description("False once `until` has passed: the policy no longer honours it.") boolean active) {
}
