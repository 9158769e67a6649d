package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("UserFilter")
@Description("Filters combine with AND. Unset fields do not filter.")
public class UserFilter {
    @Description("true: enabled accounts only; false: disabled accounts only.")
    public Boolean accountEnabled;
    @Description("true: users holding at least one license; false: users holding none.")
    public Boolean licensed;
    @Id
    @Description("Users holding this SKU (directly or through a group).")
    public String skuId;
    @Description("true: users with at least one license assignment in error (state ERROR or ACTIVE_WITH_ERROR, or an "
            + "error such as COUNT_VIOLATION), direct or inherited from a group; false: users with none.")
    public Boolean licenseInError;
    @Description("Exact department, case-insensitive.")
    public String department;
    @Description("Case-insensitive substring of display name, user principal name or mail.")
    public String search;
    @DefaultValue("false")
    @Description("Include users that Microsoft 365 no longer lists (deletedAt set).")
    public Boolean includeDeleted;
    @Description("Users with no activity in any app (Teams included) on the N most recent days of usage data; "
            + "never-active users included. Error USAGE_UNAVAILABLE while names are concealed.")
    public Integer inactiveForDays;
}
