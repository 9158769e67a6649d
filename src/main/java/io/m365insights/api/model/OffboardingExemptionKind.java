package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("OffboardingExemptionKind")
@Description("What an offboarding exemption names.")
public enum OffboardingExemptionKind {
    @Description("A user, by principal name or object id.")
    USER,
    @Description("A license, by skuId or part number.")
    SKU,
    @Description("A licensing group, by object id or display name: only the licenses inherited from it are left alone.")
    GROUP
}
