package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Input;

@Input("UserOrder")
public class UserOrder {
    @DefaultValue("DISPLAY_NAME")
    public UserOrderField field;
    @DefaultValue("ASC")
    public OrderDirection direction;
}
