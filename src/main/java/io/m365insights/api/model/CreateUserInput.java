package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("CreateUserInput")
@Description("The user createUser creates, and the licenses to assign.")
public class CreateUserInput {
    @NonNull
    public String displayName;
    @NonNull
    @Description("Becomes the user principal name; its part before the @ becomes the mail nickname. The domain must be "
            + "a verified domain of the tenant.")
    public String email;
    @Description("ISO 3166 two-letter country code; required with licenseSkuIds.")
    public String usageLocation;
    public String department;
    public String jobTitle;
    @DefaultValue("true")
    public Boolean accountEnabled;
    @Description("The initial password. Leave it out to get a strong generated one, returned once in the payload. "
            + "Either way the user must change it at first sign-in; it is never stored or logged here.")
    public String password;
    @Id
    @Description("Licenses to assign once the user exists, each reported on its own.")
    public List<@NonNull String> licenseSkuIds;

    @Override
    public String toString() {
        return "CreateUserInput[email=" + email + ", password=(not shown)]";
    }
}
