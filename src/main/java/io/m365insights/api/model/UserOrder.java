package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Input;

@Input("UserOrder")
@Description("How users are ordered; ties are broken by id.")
public class UserOrder {
    @DefaultValue("DISPLAY_NAME")
    public UserOrderField field;
    @DefaultValue("ASC")
    public OrderDirection direction;
}
