package io.m365insights.savings;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.IdleSeatExpectations;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The savings figures, per currency, computed independently: idle seats from the simulator's raw data
 * (IdleSeatExpectations), free and bought seats from its raw SKUs, renewal dates from its raw subscriptions, and the
 * prices this test sets (two currencies, one of them annual). The three figures are never mixed or added across
 * currencies, and licenses without a price are in none of them.
 */
@QuarkusTest
class SavingsTest {
    private static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static final String E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    private static final String COPILOT = "639dec6b-bb19-468b-871c-c5c441c4b0cb";
    private static final String POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    private static final String EMS = "efccb6f7-5641-4e0e-bd10-b4976e1bf68e";
    /** Left without a price by this test (and by every other). */
    private static final String VISIO = "c5928f49-12ba-48f7-ada3-0d743a3601d5";

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();
    private LocalDate today;

    /**
     * skuId -> {amount, currency, period}: the prices in force today, for every SKU but Visio (set today, after any
     * other test's, so these are the ones in force).
     */
    private final Map<String, String[]> prices = new TreeMap<>(Map.ofEntries(
            Map.entry(E3, new String[]{"33.75", "EUR", "MONTHLY"}),
            Map.entry(E5, new String[]{"54.75", "EUR", "MONTHLY"}),
            Map.entry(COPILOT, new String[]{"360", "EUR", "ANNUAL"}),
            Map.entry("6fd2c87f-b296-42f0-b197-1e91e994b900", new String[]{"23", "EUR", "MONTHLY"}), // ENTERPRISEPACK
            Map.entry("18181a46-0d4e-45cd-891e-60aabd171b4e", new String[]{"8", "EUR", "MONTHLY"}), // STANDARDPACK
            Map.entry(POWER_BI_PRO, new String[]{"14", "USD", "MONTHLY"}),
            Map.entry("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", new String[]{"120", "USD", "ANNUAL"}), // POWER_BI_STANDARD
            Map.entry(EMS, new String[]{"10.60", "USD", "MONTHLY"}),
            Map.entry("f30db892-07e9-47e9-837c-80727f46fd3d", new String[]{"0", "USD", "MONTHLY"}), // FLOW_FREE
            Map.entry("53818b1b-4a27-454b-8896-0dba576410e6", new String[]{"30", "USD", "MONTHLY"}), // PROJECTPROFESSIONAL
            Map.entry("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", new String[]{"6", "USD", "MONTHLY"}))); // AAD_PREMIUM

    @BeforeEach
    void syncedAndPriced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        db.clearActivity();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        today = TestClock.today();
        prices.forEach((sku, p) -> {
            Map<String, Object> input = new HashMap<>(Map.of("skuId", sku, "amount", p[0], "currency", p[1],
                    "period", p[2], "effectiveFrom", today.toString()));
            assertThat(GraphQL.data("mutation($i: SetLicensePriceInput!) { setLicensePrice(input: $i) { userErrors "
                    + "{ code } } }", Map.of("i", input)).at("/setLicensePrice/userErrors")).isEmpty();
        });
    }

    private static BigDecimal monthly(String[] p) {
        BigDecimal amount = new BigDecimal(p[0]);
        return p[2].equals("ANNUAL") ? amount.divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_EVEN) : amount;
    }

    @Test
    void eachCurrencysThreeFiguresMatchTheRawDataAndThePrices() {
        IdleSeatExpectations oracle = new IdleSeatExpectations(simulator, today);
        Map<String, JsonNode> skus = new HashMap<>();
        oracle.tenant().get("skus").forEach(s -> skus.put(s.get("skuId").asText(), s));
        Map<String, Instant> renewal = new HashMap<>();
        Instant now = TestClock.now();
        simulator.send("GET", "/_simulator/subscriptions", null).get("subscriptions").forEach(s -> {
            Instant next = Instant.parse(s.get("nextLifecycleDateTime").asText());
            if (!next.isBefore(now)) {
                renewal.merge(s.get("skuId").asText(), next, (a, b) -> a.isBefore(b) ? a : b);
            }
        });

        Map<String, BigDecimal[]> expected = new TreeMap<>(); // currency -> reassignable, reducible, exposure
        Map<String, int[]> seats = new TreeMap<>(); // currency -> idle, unassigned
        Map<String, Instant> nextRenewal = new TreeMap<>();
        prices.forEach((sku, p) -> {
            JsonNode raw = skus.get(sku);
            int idle = oracle.expectedIdle(sku, 30, true).size();
            int unassigned = Math.max(0, raw.get("enabled").asInt() - raw.get("consumed").asInt());
            int bought = raw.get("enabled").asInt();
            BigDecimal m = monthly(p);
            BigDecimal[] e = expected.computeIfAbsent(p[1], k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO});
            e[0] = e[0].add(m.multiply(BigDecimal.valueOf(idle)));
            e[1] = e[1].add(m.multiply(BigDecimal.valueOf(unassigned)));
            e[2] = e[2].add(m.multiply(BigDecimal.valueOf(bought)));
            int[] n = seats.computeIfAbsent(p[1], k -> new int[2]);
            n[0] += idle;
            n[1] += unassigned;
            if (unassigned > 0 && renewal.containsKey(sku)) {
                nextRenewal.merge(p[1], renewal.get(sku), (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        assertThat(seats.get("EUR")[0]).as("the tenant has idle seats to find").isPositive();

        JsonNode savings = GraphQL.data("{ savings { currency reassignableNow { amount currency } idleSeats "
                + "reducibleAtRenewal { amount currency } unassignedSeats nextRenewalAt exposure { amount currency } "
                + "licenses { license { skuId } } } }").get("savings");
        assertThat(savings.findValuesAsText("currency").stream().distinct()).containsExactlyInAnyOrder("EUR", "USD");
        for (JsonNode s : savings) {
            String currency = s.get("currency").asText();
            BigDecimal[] e = expected.get(currency);
            assertThat(new BigDecimal(s.at("/reassignableNow/amount").asText())).as(currency).isEqualByComparingTo(e[0]);
            assertThat(new BigDecimal(s.at("/reducibleAtRenewal/amount").asText())).as(currency).isEqualByComparingTo(e[1]);
            assertThat(new BigDecimal(s.at("/exposure/amount").asText())).as(currency).isEqualByComparingTo(e[2]);
            assertThat(s.findValuesAsText("currency")).as("every amount in its entry's currency").containsOnly(currency);
            assertThat(s.get("idleSeats").asInt()).isEqualTo(seats.get(currency)[0]);
            assertThat(s.get("unassignedSeats").asInt()).isEqualTo(seats.get(currency)[1]);
            if (nextRenewal.containsKey(currency)) {
                assertThat(Instant.parse(s.get("nextRenewalAt").asText())).isEqualTo(nextRenewal.get(currency));
            }
            assertThat(s.get("licenses").findValuesAsText("skuId")).doesNotContain(VISIO);
        }
        assertThat(GraphQL.data("{ unpricedLicenses { skuId } }").get("unpricedLicenses").findValuesAsText("skuId"))
                .contains(VISIO).doesNotContainAnyElementsOf(prices.keySet());
    }

    @Test
    void aWindowOutOfRangeIsAClearError() {
        assertThat(GraphQL.post("{ savings(days: 0) { currency } }", Map.of()).at("/errors/0/message").asText())
                .contains("days must be between 1 and");
    }
}
