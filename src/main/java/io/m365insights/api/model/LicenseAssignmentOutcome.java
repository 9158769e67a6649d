package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("LicenseAssignmentOutcome")
@Description("What became of one license asked for in createUser.")
public record LicenseAssignmentOutcome(
        @NonNull @Id String skuId,
        License license,
        boolean assigned,
        @NonNull String summary,
        @NonNull @Id String auditEventId,
        @Description("Why it was not assigned; null when it was.") UserError userError) {
}
