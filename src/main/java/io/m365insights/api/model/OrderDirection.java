package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("OrderDirection")
public enum OrderDirection { ASC, DESC }
