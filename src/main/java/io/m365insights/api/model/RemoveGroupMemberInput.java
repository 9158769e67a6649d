package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RemoveGroupMemberInput")
@Description("Whom removeGroupMember removes, from which licensing group.")
public class RemoveGroupMemberInput {
    @NonNull
    @Id
    @Description("The licensing group's Entra object id (licenseGroups lists them).")
    public String groupId;
    @NonNull
    @Id
    @Description("The member's Entra object id.")
    public String userId;
    @DefaultValue("false")
    @Description("Only say what would happen: nothing is changed, in Microsoft 365 or here (the dry run is audited).")
    public Boolean dryRun;
}
