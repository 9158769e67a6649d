package io.m365insights.licenses;

import io.m365insights.config.M365Config;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly list prices per SKU, from {@code M365_LICENSE_PRICES} ("SPE_E3=36.00,POWER_BI_PRO=10"): Microsoft Graph
 * does not tell prices. A malformed setting stops startup with the offending entry named.
 */
@Startup
@ApplicationScoped
public class LicensePrices {
    private final Map<String, BigDecimal> byPartNumber;
    private final String currency;

    @Inject
    public LicensePrices(M365Config config) {
        this.byPartNumber = parse(config.licenses().prices().orElse(""));
        this.currency = config.licenses().currency();
    }

    static Map<String, BigDecimal> parse(String setting) {
        Map<String, BigDecimal> prices = new HashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            try {
                BigDecimal price = new BigDecimal(entry.substring(eq + 1).trim());
                if (eq <= 0 || price.signum() < 0) {
                    throw new NumberFormatException();
                }
                prices.put(entry.substring(0, eq).trim().toUpperCase(Locale.ROOT), price);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("M365_LICENSE_PRICES: '" + entry.trim()
                        + "' is not SKU_PART_NUMBER=price (e.g. SPE_E3=36.00)");
            }
        }
        return Map.copyOf(prices);
    }

    public Optional<BigDecimal> monthly(String skuPartNumber) {
        return skuPartNumber == null ? Optional.empty()
                : Optional.ofNullable(byPartNumber.get(skuPartNumber.toUpperCase(Locale.ROOT)));
    }

    public String currency() {
        return currency;
    }
}
