package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OrderDirection")
@Description("Sort direction.")
public enum OrderDirection {
    @Description("Ascending (A to Z, oldest first).")
    ASC,
    @Description("Descending (Z to A, newest first).")
    DESC
}
