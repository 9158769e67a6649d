package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Enum;

@Enum("OffboardingExemptionKind")
public enum OffboardingExemptionKind { USER, SKU }
