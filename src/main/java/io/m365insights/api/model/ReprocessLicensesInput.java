package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReprocessLicensesInput")
@Description("Whose group-based licenses reprocessLicenses re-evaluates.")
public class ReprocessLicensesInput {
    @NonNull
    @Id
    @Description("The user's Entra object id.")
    public String userId;
}
