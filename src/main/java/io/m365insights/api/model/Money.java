package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;

@Type("Money")
@Description("An amount in one currency. Amounts in different currencies are never added together.")
public record Money(@NonNull BigDecimal amount, @NonNull @Description("ISO 4217 code, e.g. EUR.") String currency) {
}
