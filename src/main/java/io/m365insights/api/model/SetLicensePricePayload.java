package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("SetLicensePricePayload")
@Description("The result of setLicensePrice.")
public record SetLicensePricePayload(
        @Description("The license, whose price now includes this one (null when the SKU is unknown).") License license,
        @NonNull @Id @Description("The audit event recording this call.") String auditEventId,
        @NonNull List<@NonNull UserError> userErrors) {
}
