package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

@Input("SetLicensePriceInput")
@Description("A price of one seat of a license, from a day on.")
public class SetLicensePriceInput {
    @NonNull
    @Id
    public String skuId;
    @NonNull
    @Description("At least 0, at most 4 decimals.")
    public BigDecimal amount;
    @NonNull
    @Description("ISO 4217 code, e.g. EUR.")
    public String currency;
    @NonNull
    public PricePeriod period;
    @Description("The first day the price is in force (UTC); today when omitted. Earlier days keep the price they had.")
    public LocalDate effectiveFrom;
}
