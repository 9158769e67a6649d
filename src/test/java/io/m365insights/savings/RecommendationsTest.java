package io.m365insights.savings;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.RecommendationExpectations;
import io.m365insights.testsupport.RecommendationExpectations.Price;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations against an independent computation over the simulator's raw data and the prices this test sets
 * (RecommendationExpectations): every kind, the saving in the license's own currency (two currencies), the renewal
 * date, review-only evidence when days are missing or names are concealed, and clear errors for bad input.
 */
@QuarkusTest
class RecommendationsTest {
    static final String QUERY = "query($kinds: [RecommendationKind!], $days: Int!, $after: String) { "
            + "recommendations(kinds: $kinds, days: $days, first: 500, after: $after) { totalCount exemptedCount "
            + "pageInfo { hasNextPage endCursor } nodes { kind user { id } license { skuId skuPartNumber } "
            + "target { skuPartNumber } monthlySaving { amount currency } confidence evidence reviewOnly seats "
            + "renewalAt } } }";
    static final String STANDARDPACK = "18181a46-0d4e-45cd-891e-60aabd171b4e";

    /** The prices in force today (set today, after any other test's, so these are the ones in force); Visio has none. */
    static final Map<String, Price> PRICES = new TreeMap<>(Map.ofEntries(
            Map.entry("05e9a617-0261-4cee-bb44-138d3ef5d965", new Price("33.75", "EUR", "MONTHLY")), // SPE_E3
            Map.entry("06ebc4ee-1bb5-47dd-8120-11324bc54e06", new Price("54.75", "EUR", "MONTHLY")), // SPE_E5
            Map.entry("639dec6b-bb19-468b-871c-c5c441c4b0cb", new Price("360", "EUR", "ANNUAL")), // Copilot
            Map.entry("6fd2c87f-b296-42f0-b197-1e91e994b900", new Price("23", "EUR", "MONTHLY")), // ENTERPRISEPACK
            Map.entry(STANDARDPACK, new Price("8", "EUR", "MONTHLY")),
            Map.entry("f8a1db68-be16-40ed-86d5-cb42ce701560", new Price("14", "USD", "MONTHLY")), // POWER_BI_PRO
            Map.entry("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", new Price("120", "USD", "ANNUAL")), // POWER_BI_STANDARD
            Map.entry("efccb6f7-5641-4e0e-bd10-b4976e1bf68e", new Price("10.60", "USD", "MONTHLY")), // EMS
            Map.entry("f30db892-07e9-47e9-837c-80727f46fd3d", new Price("0", "USD", "MONTHLY")), // FLOW_FREE
            Map.entry("53818b1b-4a27-454b-8896-0dba576410e6", new Price("30", "USD", "MONTHLY")), // PROJECTPROFESSIONAL
            Map.entry("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", new Price("6", "USD", "MONTHLY")))); // AAD_PREMIUM

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();

    /** Resets the simulator, syncs and sets {@link #PRICES} effective today. */
    static LocalDate syncedAndPriced(SimulatorClient simulator, TestDatabase db) {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        db.clearActivity();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        LocalDate today = TestClock.today();
        PRICES.forEach((sku, p) -> {
            Map<String, Object> input = new HashMap<>(Map.of("skuId", sku, "amount", p.amount(), "currency",
                    p.currency(), "period", p.period(), "effectiveFrom", today.toString()));
            assertThat(GraphQL.data("mutation($i: SetLicensePriceInput!) { setLicensePrice(input: $i) { userErrors "
                    + "{ code } } }", Map.of("i", input)).at("/setLicensePrice/userErrors")).isEmpty();
        });
        return today;
    }

    /** Every recommendation, through every page. */
    static List<JsonNode> all(List<String> kinds, int days) {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>(Map.of("days", days));
            if (kinds != null) {
                vars.put("kinds", kinds);
            }
            if (after != null) {
                vars.put("after", after);
            }
            JsonNode r = GraphQL.data(QUERY, vars).get("recommendations");
            r.get("nodes").forEach(out::add);
            after = r.at("/pageInfo/hasNextPage").asBoolean() ? r.at("/pageInfo/endCursor").asText() : null;
        } while (after != null);
        return out;
    }

    /** A recommendation as RecommendationExpectations writes it. */
    static String line(JsonNode n) {
        JsonNode saving = n.get("monthlySaving");
        return n.get("kind").asText() + " " + n.at("/license/skuPartNumber").asText() + " "
                + (n.get("user").isNull() ? "-" : n.at("/user/id").asText()) + " "
                + (n.get("target").isNull() ? "-" : n.at("/target/skuPartNumber").asText()) + " "
                + (saving.isNull() ? "-" : new BigDecimal(saving.get("amount").asText()).stripTrailingZeros()
                .toPlainString() + " " + saving.get("currency").asText());
    }

    private static Set<String> lines(List<JsonNode> nodes) {
        Set<String> out = new TreeSet<>();
        nodes.forEach(n -> out.add(line(n)));
        return out;
    }

    @BeforeEach
    void setUp() {
        syncedAndPriced(simulator, db);
    }

    @Test
    void everyKindMatchesTheRawDataAndThePrices() {
        LocalDate today = TestClock.today();
        RecommendationExpectations oracle = new RecommendationExpectations(simulator, today, PRICES);
        // 28 days: the whole window is held, so the evidence is complete
        List<JsonNode> nodes = all(null, 28);
        Map<String, Integer> perKind = new TreeMap<>();
        nodes.forEach(n -> perKind.merge(n.get("kind").asText(), 1, Integer::sum));
        assertThat(perKind.keySet()).as("the simulated tenant shows every kind").containsExactlyInAnyOrder(
                "RECLAIM_IDLE_SEAT", "RECLAIM_COPILOT_SEAT", "DOWNGRADE_WEB_AND_MOBILE_ONLY", "REMOVE_OVERLAPPING",
                "REDUCE_AT_RENEWAL");
        assertThat(lines(nodes)).isEqualTo(oracle.all(28));
        assertThat(lines(nodes)).hasSize(nodes.size());

        Instant now = TestClock.now();
        for (JsonNode n : nodes) {
            assertThat(n.get("evidence").asText()).isNotBlank();
            String kind = n.get("kind").asText();
            if (kind.equals("REDUCE_AT_RENEWAL")) {
                Instant expected = oracle.renewal(n.at("/license/skuId").asText(), now);
                assertThat(n.get("renewalAt").isNull() ? null : Instant.parse(n.get("renewalAt").asText()))
                        .as("%s", n).isEqualTo(expected);
                assertThat(n.get("seats").asInt()).isPositive();
            } else {
                assertThat(n.get("seats").asInt()).isEqualTo(1);
            }
            if (kind.equals("DOWNGRADE_WEB_AND_MOBILE_ONLY")) {
                assertThat(n.at("/target/skuPartNumber").asText()).isEqualTo("STANDARDPACK");
                assertThat(n.get("reviewOnly").asBoolean()).as("28 of 28 days held, names readable").isFalse();
                assertThat(n.get("evidence").asText()).contains("only on mobile or the web", "28 of 28 days held");
            }
            if (n.at("/license/skuPartNumber").asText().equals("VISIOCLIENT")) {
                assertThat(n.get("monthlySaving").isNull()).isTrue();
                assertThat(n.get("evidence").asText()).contains("no price is set");
            }
        }
        assertThat(nodes).anyMatch(n -> n.at("/monthlySaving/currency").asText().equals("USD"))
                .anyMatch(n -> n.at("/monthlySaving/currency").asText().equals("EUR"));
    }

    @Test
    void aWindowLongerThanTheDaysHeldMakesDowngradesReviewOnly() {
        List<JsonNode> downgrades = all(List.of("DOWNGRADE_WEB_AND_MOBILE_ONLY"), 30);
        assertThat(downgrades).isNotEmpty().allMatch(n -> n.get("kind").asText().equals("DOWNGRADE_WEB_AND_MOBILE_ONLY")
                && n.get("reviewOnly").asBoolean() && n.get("confidence").asText().equals("MEDIUM")
                && n.get("evidence").asText().contains("28 of 30 days held"));
        RecommendationExpectations oracle = new RecommendationExpectations(simulator, TestClock.today(), PRICES);
        assertThat(lines(downgrades)).isEqualTo(oracle.downgrade(30));
    }

    @Test
    void concealedNamesLeaveNoDowngradeAndEveryReclaimReviewOnly() {
        db.clearUsage();
        db.clearActivity();
        simulator.reports(Map.of("concealed", true));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isIn("SUCCEEDED", "PARTIAL");
        List<JsonNode> nodes = all(null, 28);
        assertThat(nodes).noneMatch(n -> n.get("kind").asText().equals("DOWNGRADE_WEB_AND_MOBILE_ONLY"));
        List<JsonNode> reclaims = nodes.stream().filter(n -> n.get("kind").asText().startsWith("RECLAIM_")).toList();
        assertThat(reclaims).isNotEmpty().allMatch(n -> n.get("reviewOnly").asBoolean()
                && !n.get("confidence").asText().equals("HIGH"));
        // the kinds that rest on no activity signal are as before
        RecommendationExpectations oracle = new RecommendationExpectations(simulator, TestClock.today(), PRICES);
        Set<String> rest = new TreeSet<>(oracle.overlapping());
        rest.addAll(oracle.reduceAtRenewal());
        assertThat(lines(nodes.stream().filter(n -> !n.get("kind").asText().startsWith("RECLAIM_")).toList()))
                .isEqualTo(rest);
    }

    @Test
    void kindsFilterAndBadInputIsAClearError() {
        List<JsonNode> reduce = all(List.of("REDUCE_AT_RENEWAL"), 30);
        assertThat(reduce).isNotEmpty().allMatch(n -> n.get("kind").asText().equals("REDUCE_AT_RENEWAL"));
        assertThat(GraphQL.post("{ recommendations(days: 0) { totalCount } }", Map.of()).at("/errors/0/message")
                .asText()).contains("days must be between 1 and");
        String cursor = GraphQL.data("{ recommendations(first: 1) { pageInfo { endCursor } } }")
                .at("/recommendations/pageInfo/endCursor").asText();
        assertThat(GraphQL.post("query($a: String) { recommendations(kinds: [REDUCE_AT_RENEWAL], first: 1, after: $a) "
                + "{ totalCount } }", Map.of("a", cursor)).at("/errors/0/message").asText())
                .contains("another `days`");
        assertThat(GraphQL.post("{ recommendations(after: \"nonsense\") { totalCount } }", Map.of())
                .at("/errors/0/message").asText()).contains("malformed cursor");
    }
}
