package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("UserOrderField")
public enum UserOrderField { DISPLAY_NAME, USER_PRINCIPAL_NAME, CREATED_AT }
