package io.m365insights.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.m365insights.testsupport.Tenant42.POWER_BI_STANDARD;
import static io.m365insights.testsupport.Tenant42.SPE_E3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices with their history: the configured price until one is set, each set price in force from its day on (past
 * days keep theirs), annual prices spread over months, currencies never mixed, bad input refused with userErrors,
 * readers refused, every change audited. Costs are checked against seat counts from the simulator's raw tenant.
 */
@QuarkusTest
class PricesTest {
    private static final String SET = "mutation($i: SetLicensePriceInput!) { setLicensePrice(input: $i) { auditEventId "
            + "license { skuId } userErrors { code message field } } }";
    private static final String PRICE_ON = "query($s: ID!, $on: Date) { license(skuId: $s) { price(on: $on) { amount "
            + "{ amount currency } period monthly { amount currency } effectiveFrom source setBy } } }";

    private final SimulatorClient simulator = SimulatorClient.current();
    private LocalDate today;

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        Syncs.syncNow();
        today = TestClock.today();
    }

    private JsonNode set(String sku, String amount, String currency, String period, LocalDate from) {
        Map<String, Object> input = new HashMap<>();
        input.put("skuId", sku);
        input.put("amount", amount);
        input.put("currency", currency);
        input.put("period", period);
        input.put("effectiveFrom", from == null ? null : from.toString());
        return GraphQL.data(SET, Map.of("i", input)).get("setLicensePrice");
    }

    private JsonNode priceOn(String sku, LocalDate on) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("s", sku);
        vars.put("on", on == null ? null : on.toString());
        return GraphQL.data(PRICE_ON, vars).at("/license/price");
    }

    private static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.get("amount").asText());
    }

    /** Seats bought but not assigned, from the simulator's raw tenant. */
    private int unassigned(String sku) {
        for (JsonNode s : simulator.tenant().get("skus")) {
            if (s.get("skuId").asText().equals(sku)) {
                return Math.max(0, s.get("enabled").asInt() - s.get("consumed").asInt());
            }
        }
        throw new AssertionError("no SKU " + sku);
    }

    @Test
    void eachPriceIsInForceFromItsDayOnAndPastDaysKeepThePriceTheyHad() {
        // before anything is set: the configured price (application.properties, %test: SPE_E3=36.00, USD)
        JsonNode configured = priceOn(SPE_E3, today.minusYears(5));
        assertThat(configured.get("source").asText()).isEqualTo("CONFIGURATION");
        assertThat(amount(configured.get("amount"))).isEqualByComparingTo("36.00");
        assertThat(configured.at("/amount/currency").asText()).isEqualTo("USD");
        assertThat(configured.get("effectiveFrom").isNull()).isTrue();

        JsonNode first = set(SPE_E3, "30.50", "eur", "MONTHLY", today.minusDays(40));
        assertThat(first.get("userErrors")).isEmpty();
        assertThat(first.at("/license/skuId").asText()).isEqualTo(SPE_E3);
        assertThat(set(SPE_E3, "372", "EUR", "ANNUAL", today.plusDays(10)).get("userErrors")).isEmpty();

        assertThat(priceOn(SPE_E3, today.minusDays(41)).get("source").asText()).as("before the first set price")
                .isEqualTo("CONFIGURATION");
        for (LocalDate d : new LocalDate[]{today.minusDays(40), today, today.plusDays(9)}) {
            JsonNode p = priceOn(SPE_E3, d);
            assertThat(p.get("source").asText()).as("%s", d).isEqualTo("SET");
            assertThat(amount(p.get("amount"))).as("%s", d).isEqualByComparingTo("30.50");
            assertThat(p.at("/amount/currency").asText()).isEqualTo("EUR");
            assertThat(p.get("effectiveFrom").asText()).isEqualTo(today.minusDays(40).toString());
            assertThat(p.get("setBy").asText()).isEqualTo(GraphQL.ADMIN);
        }
        JsonNode annual = priceOn(SPE_E3, today.plusDays(10));
        assertThat(annual.get("period").asText()).isEqualTo("ANNUAL");
        assertThat(amount(annual.get("amount"))).isEqualByComparingTo("372");
        assertThat(amount(annual.get("monthly"))).isEqualByComparingTo("31");
        assertThat(priceOn(SPE_E3, null).get("effectiveFrom").asText()).as("today by default")
                .isEqualTo(today.minusDays(40).toString());

        JsonNode history = GraphQL.data("query($s: ID!) { license(skuId: $s) { priceHistory { effectiveFrom source } } }",
                Map.of("s", SPE_E3)).at("/license/priceHistory");
        assertThat(history.findValuesAsText("source")).containsExactly("SET", "SET", "CONFIGURATION");
        assertThat(history.get(0).get("effectiveFrom").asText()).isEqualTo(today.plusDays(10).toString());

        // what the free seats cost a month, at today's price, in that price's currency
        JsonNode cost = GraphQL.data("query($s: ID!) { license(skuId: $s) { unassignedMonthly { amount currency } } }",
                Map.of("s", SPE_E3)).at("/license/unassignedMonthly");
        assertThat(cost.get("currency").asText()).isEqualTo("EUR");
        assertThat(amount(cost)).isEqualByComparingTo(new BigDecimal("30.50").multiply(BigDecimal.valueOf(unassigned(SPE_E3))));

        JsonNode audit = GraphQL.data("{ auditEvents(first: 5, filter: {actions: [SET_LICENSE_PRICE]}) { nodes { "
                + "outcome message skuId } } }").at("/auditEvents/nodes");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(e.get("message").asText()).contains("30.50 EUR monthly from " + today.minusDays(40));
        });
    }

    @Test
    void currenciesAreNeverMixed() {
        set(POWER_BI_STANDARD, "9.99", "CHF", "MONTHLY", today.minusDays(1));
        JsonNode licenses = GraphQL.data("{ licenses { skuId price { amount { currency } } unassignedMonthly { currency } } }")
                .get("licenses");
        for (JsonNode l : licenses) {
            if (l.get("skuId").asText().equals(POWER_BI_STANDARD)) {
                assertThat(l.at("/price/amount/currency").asText()).isEqualTo("CHF");
                assertThat(l.at("/unassignedMonthly/currency").asText()).isEqualTo("CHF");
            }
        }
        assertThat(licenses.findValues("currency").stream().map(JsonNode::asText).distinct()).contains("CHF", "USD");
    }

    @Test
    void badInputIsAUserErrorAndAuditedAndReadersMayNotSetPrices() {
        JsonNode currency = set(SPE_E3, "10", "EURO", "MONTHLY", null);
        assertThat(currency.at("/userErrors/0/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(currency.at("/userErrors/0/field").toString()).isEqualTo("[\"input\",\"currency\"]");
        assertThat(currency.get("license").isNull()).isTrue();
        assertThat(set(SPE_E3, "-1", "EUR", "MONTHLY", null).at("/userErrors/0/field/1").asText()).isEqualTo("amount");
        assertThat(set(SPE_E3, "1.23456", "EUR", "MONTHLY", null).at("/userErrors/0/code").asText())
                .isEqualTo("INVALID_INPUT");
        assertThat(set("00000000-0000-0000-0000-000000000001", "1", "EUR", "MONTHLY", null).at("/userErrors/0/code")
                .asText()).isEqualTo("UNKNOWN_SKU");
        JsonNode audit = GraphQL.data("{ auditEvents(first: 1, filter: {actions: [SET_LICENSE_PRICE]}) { nodes { "
                + "outcome errorCode } } }").at("/auditEvents/nodes/0");
        assertThat(audit.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(audit.get("errorCode").asText()).isEqualTo("UNKNOWN_SKU");

        String reader = simulator.apiToken("rita.reader@contoso.com", Roles.READER);
        JsonNode denied = GraphQL.postAs(reader, SET, Map.of("i", Map.of("skuId", SPE_E3, "amount", "1",
                "currency", "EUR", "period", "MONTHLY")));
        assertThat(denied.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }
}
