package io.m365insights.savings;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.RecommendationExpectations;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offboarding exemptions apply to recommendations: none names an exempt user or SKU, and exemptedCount says how
 * many were withheld (its own configuration, so Quarkus restarts the application for this class).
 */
@QuarkusTest
@TestProfile(RecommendationExemptionsTest.Exempt.class)
class RecommendationExemptionsTest {
    static final String JORG = "jorg.muller@contoso.com";

    public static class Exempt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("m365.offboarding.exemptions", "user=" + JORG + ", reason=Legal hold; "
                    + "sku=VISIOCLIENT, reason=Bought for a project, keep; sku=POWER_BI_PRO, until=2020-01-01, "
                    + "reason=An expired exemption");
        }
    }

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();

    @Test
    void noRecommendationForAnExemptUserOrSkuAndTheCountSaysHowManyWereWithheld() {
        RecommendationsTest.syncedAndPriced(simulator, db);
        RecommendationExpectations oracle = new RecommendationExpectations(simulator, TestClock.today(),
                RecommendationsTest.PRICES);
        String jorg = simulator.users(u -> u.get("userPrincipalName").asText().equals(JORG)).get(0).get("id").asText();
        Set<String> expected = new TreeSet<>();
        int withheld = 0;
        for (String line : oracle.all(28)) {
            String[] f = line.split(" ");
            if (f[2].equals(jorg) || f[1].equals("VISIOCLIENT")) {
                withheld++;
            } else {
                expected.add(line);
            }
        }
        assertThat(withheld).as("the exemptions withhold something").isPositive();

        List<JsonNode> nodes = RecommendationsTest.all(null, 28);
        Set<String> got = new TreeSet<>();
        nodes.forEach(n -> got.add(RecommendationsTest.line(n)));
        assertThat(got).isEqualTo(expected);
        assertThat(got).as("an expired exemption withholds nothing").anyMatch(l -> l.contains(" POWER_BI_PRO "));
        JsonNode first = GraphQL.data("{ recommendations(days: 28, first: 1) { totalCount exemptedCount } }")
                .get("recommendations");
        assertThat(first.get("exemptedCount").asInt()).isEqualTo(withheld);
        assertThat(first.get("totalCount").asInt()).isEqualTo(expected.size());
    }
}
