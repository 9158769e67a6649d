package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("UserOrderField")
@Description("What users can be ordered by.")
public enum UserOrderField {
    @Description("Display name (case-insensitive).")
    DISPLAY_NAME,
    @Description("User principal name (case-insensitive).")
    USER_PRINCIPAL_NAME,
    @Description("When the account was created in Entra ID.")
    CREATED_AT
}
