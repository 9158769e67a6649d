package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UnassignLicenseInput")
@Description("What unassignLicense removes, from whom.")
public class UnassignLicenseInput {
    @NonNull
    @Id
    @Description("The user's Entra object id.")
    public String userId;
    @NonNull
    @Id
    @Description("The license (SKU) to remove.")
    public String skuId;
    @DefaultValue("false")
    @Description("Only say what would happen: nothing is changed, in Microsoft 365 or here (the dry run is audited).")
    public Boolean dryRun;
}
