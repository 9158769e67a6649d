package io.m365insights.licenses;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicensePricesTest {

    @Test
    void parsesPartNumbersAndPrices() {
        var prices = LicensePrices.parse(" SPE_E3=36.00, power_bi_pro = 10 ,");
        assertThat(prices).containsEntry("SPE_E3", new BigDecimal("36.00")).containsEntry("POWER_BI_PRO", new BigDecimal("10"));
        assertThat(LicensePrices.parse("")).isEmpty();
    }

    @Test
    void aMalformedEntryIsNamed() {
        assertThatThrownBy(() -> LicensePrices.parse("SPE_E3=36,E5")).hasMessageContaining("'E5'");
        assertThatThrownBy(() -> LicensePrices.parse("SPE_E3=cheap")).hasMessageContaining("SPE_E3=cheap");
        assertThatThrownBy(() -> LicensePrices.parse("=5")).hasMessageContaining("'=5'");
        assertThatThrownBy(() -> LicensePrices.parse("SPE_E3=-1")).hasMessageContaining("SPE_E3=-1");
    }
}
