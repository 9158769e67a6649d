package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SyncNowInput")
@Description("Options of syncNow.")
public class SyncNowInput {
    @DefaultValue("false")
    @Description("Wait for the run to finish (up to 10 minutes) and return it finished.")
    public Boolean wait;
}
