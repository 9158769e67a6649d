package io.m365insights.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paid licenses nobody uses: holders of a SKU with no activity in any app (Teams included) for N days, never-active
 * users included, checked against the simulator's raw data; and what those seats cost.
 */
@QuarkusTest
class InactiveLicensesTest {
    private static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();
    private final LocalDate last = TestClock.latestReportDay();
    /** The raw data is a function of the seed and the date: computed once for the class. */
    private static Map<String, LocalDate> lastActivity;

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        Syncs.syncNow();
        if (lastActivity != null) {
            return;
        }
        lastActivity = new HashMap<>();
        for (LocalDate d = last.minusDays(27); !d.isAfter(last); d = d.plusDays(1)) {
            for (JsonNode row : simulator.usage(d).get("rows")) {
                String upn = row.get("upn").asText().toLowerCase();
                LocalDate reported = row.get("lastActivityDate").asText().isEmpty() ? null
                        : LocalDate.parse(row.get("lastActivityDate").asText());
                LocalDate active = (row.get("flags").asLong() & 0b111111) != 0 ? d : null;
                for (LocalDate candidate : new LocalDate[]{reported, active}) {
                    if (candidate != null) {
                        lastActivity.merge(upn, candidate, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
    }

    /** Holders of the SKU (assignment not failed) with no activity after latest - days. */
    private Set<String> expectedInactive(String skuId, int days) {
        LocalDate cutoff = last.minusDays(days);
        Set<String> ids = new TreeSet<>();
        for (JsonNode u : simulator.tenant().get("users")) {
            boolean holds = false;
            for (JsonNode a : u.get("assignments")) {
                holds |= a.get("skuId").asText().equals(skuId) && !"Error".equals(a.get("state").asText());
            }
            LocalDate la = lastActivity.get(u.get("userPrincipalName").asText().toLowerCase());
            if (holds && (la == null || !la.isAfter(cutoff))) {
                ids.add(u.get("id").asText());
            }
        }
        return ids;
    }

    @Test
    void inactiveHoldersOfALicenseMatchTheRawData() {
        for (int days : new int[]{7, 14, 30}) {
            Set<String> expected = expectedInactive(E3, days);
            JsonNode license = GraphQL.data("query($sku: ID!, $days: Int) { license(skuId: $sku) { inactiveCount(days: $days) "
                    + "inactiveUsers(days: $days, first: 500) { totalCount nodes { id } } } }",
                    Map.of("sku", E3, "days", days)).get("license");
            assertThat(license.get("inactiveCount").asInt()).as("%d days", days).isEqualTo(expected.size());
            assertThat(license.get("inactiveUsers").get("totalCount").asInt()).isEqualTo(expected.size());
            Set<String> actual = new HashSet<>();
            license.get("inactiveUsers").get("nodes").forEach(n -> actual.add(n.get("id").asText()));
            assertThat(actual).isEqualTo(expected);
        }
        // the simulated tenant has disabled holders and people who never use their license: both are inactive
        assertThat(expectedInactive(E3, 30)).isNotEmpty();
    }

    @Test
    void theUsersFilterAgrees() {
        Set<String> expected = expectedInactive(E3, 14);
        JsonNode users = GraphQL.data("query($sku: ID) { users(first: 500, filter: {skuId: $sku, inactiveForDays: 14}) "
                + "{ totalCount nodes { id lastActivityDate } } }", Map.of("sku", E3)).get("users");
        assertThat(users.get("totalCount").asInt()).isEqualTo(expected.size());
        users.get("nodes").forEach(n -> {
            assertThat(expected).contains(n.get("id").asText());
            if (!n.get("lastActivityDate").isNull()) {
                assertThat(LocalDate.parse(n.get("lastActivityDate").asText())).isBeforeOrEqualTo(last.minusDays(14));
            }
        });
        JsonNode bad = GraphQL.post("{ users(filter: {inactiveForDays: 0}) { totalCount } }", Map.of());
        assertThat(bad.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void configuredPricesGiveTheCostOfIdleSeats() {
        JsonNode licenses = GraphQL.data("{ licenses { skuId skuPartNumber unassigned monthlyPrice currency "
                + "unassignedMonthlyCost inactiveCount(days: 30) inactiveMonthlyCost(days: 30) } }").get("licenses");
        boolean sawE3 = false;
        for (JsonNode l : licenses) {
            if (l.get("skuPartNumber").asText().equals("SPE_E3")) {
                sawE3 = true;
                BigDecimal price = new BigDecimal("36.00");
                assertThat(l.get("monthlyPrice").decimalValue()).isEqualByComparingTo(price);
                assertThat(l.get("currency").asText()).isEqualTo("USD");
                assertThat(l.get("unassignedMonthlyCost").decimalValue())
                        .isEqualByComparingTo(price.multiply(BigDecimal.valueOf(l.get("unassigned").asInt())));
                assertThat(l.get("inactiveMonthlyCost").decimalValue())
                        .isEqualByComparingTo(price.multiply(BigDecimal.valueOf(expectedInactive(E3, 30).size())));
            } else if (l.get("skuPartNumber").asText().equals("POWER_BI_PRO")) {
                assertThat(l.get("monthlyPrice").isNull()).isTrue(); // no price configured: unknown, not 0
                assertThat(l.get("inactiveMonthlyCost").isNull()).isTrue();
            }
        }
        assertThat(sawE3).isTrue();
    }
}
