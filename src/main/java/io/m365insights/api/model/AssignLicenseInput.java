package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("AssignLicenseInput")
@Description("What assignLicense assigns, to whom.")
public class AssignLicenseInput {
    @NonNull
    @Id
    @Description("The user's Entra object id.")
    public String userId;
    @NonNull
    @Id
    @Description("The license (SKU) to assign directly.")
    public String skuId;
    @Id
    @Description("Service plans of the SKU to leave switched off (License.servicePlans lists them).")
    public List<@NonNull String> disabledPlanIds;
    @Description("When the user has no usage location (or another one), set this ISO 3166 two-letter country code first; "
            + "Microsoft 365 assigns a license only to a user with a usage location.")
    public String usageLocation;
}
