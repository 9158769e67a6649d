package io.m365insights.reporting;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.m365insights.testsupport.Tenant42.POWER_BI_STANDARD;
import static io.m365insights.testsupport.Tenant42.SPE_E3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * reporting.idle_seats and reporting.savings hold the decision made after the last sync run or price change, and say
 * when (decided_at): a change in the tenant shows only after the next sync, and then it does; a price set shows at
 * once; a write that fails leaves the previous decision whole.
 */
@QuarkusTest
class ReportingDecisionsTest {
    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        db.clearActivity();
        Syncs.syncNow();
    }

    private Instant decidedAt(String view) {
        List<String> at = db.rows("select distinct to_char(decided_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from reporting." + view);
        assertThat(at).as("one decided_at in reporting.%s", view).hasSize(1);
        return Instant.parse(at.get(0));
    }

    private Set<String> idleInView(String sku) {
        return new TreeSet<>(db.rows("select user_id from reporting.idle_seats where sku_id = '" + sku + "'"));
    }

    @Test
    void theViewsSayAsOfWhenAndFollowTheNextSync() {
        Instant before = TestClock.now();
        Syncs.syncNow();
        Instant after = TestClock.now();
        Instant first = decidedAt("idle_seats");
        assertThat(first).isBetween(before, after);
        assertThat(decidedAt("savings")).isEqualTo(first);

        IdleSeatExpectations oracle = new IdleSeatExpectations(simulator, TestClock.today());
        Set<String> idle = oracle.expectedIdle(SPE_E3, 30, true);
        assertThat(idleInView(SPE_E3)).isEqualTo(idle).isNotEmpty();

        // an idle holder leaves the tenant: the view keeps saying what it decided, as of then
        String gone = idle.iterator().next();
        simulator.deleteUser(gone);
        assertThat(idleInView(SPE_E3)).contains(gone);
        assertThat(decidedAt("idle_seats")).isEqualTo(first);

        Instant beforeSecond = TestClock.now();
        Syncs.syncNow();
        assertThat(decidedAt("idle_seats")).isAfterOrEqualTo(beforeSecond).isAfter(first);
        Set<String> expected = new TreeSet<>(idle);
        expected.remove(gone);
        assertThat(idleInView(SPE_E3)).isEqualTo(expected)
                .isEqualTo(new IdleSeatExpectations(simulator, TestClock.today()).expectedIdle(SPE_E3, 30, true));
    }

    private void setPrice(String sku, String amount, String currency) {
        Map<String, Object> input = new HashMap<>(Map.of("skuId", sku, "amount", amount, "currency", currency,
                "period", "MONTHLY", "effectiveFrom", TestClock.today().toString()));
        assertThat(GraphQL.data("mutation($i: SetLicensePriceInput!) { setLicensePrice(input: $i) { userErrors "
                + "{ code } } }", Map.of("i", input)).at("/setLicensePrice/userErrors")).isEmpty();
    }

    @Test
    void aPriceSetShowsAtOnceAndAFailedWriteKeepsTheLastDecision() {
        Instant synced = decidedAt("savings");
        Set<String> idle = new TreeSet<>(db.rows("select sku_id || ' ' || user_id from reporting.idle_seats"));
        assertThat(idle).isNotEmpty();
        int bought = 0;
        for (JsonNode s : simulator.tenant().get("skus")) {
            if (s.get("skuId").asText().equals(POWER_BI_STANDARD)) {
                bought = s.get("enabled").asInt();
            }
        }
        assertThat(bought).isPositive();

        // the write fails (PostgreSQL refuses the NOK row): the previous decision stays, whole
        db.execute("alter table decision_savings add constraint test_refuses_nok check (currency <> 'NOK')");
        try {
            setPrice(POWER_BI_STANDARD, "7.25", "NOK");
            assertThat(decidedAt("savings")).isEqualTo(synced);
            assertThat(decidedAt("idle_seats")).isEqualTo(synced);
            assertThat(new TreeSet<>(db.rows("select sku_id || ' ' || user_id from reporting.idle_seats")))
                    .isEqualTo(idle);
            assertThat(db.rows("select currency from reporting.savings")).doesNotContain("NOK");
        } finally {
            db.execute("alter table decision_savings drop constraint test_refuses_nok");
        }

        // the next price set is written at once, without waiting for a sync
        setPrice(POWER_BI_STANDARD, "7.50", "NOK");
        assertThat(decidedAt("savings")).isAfter(synced);
        List<String> nok = db.rows("select exposure, idle_seats, unassigned_seats from reporting.savings "
                + "where currency = 'NOK'");
        assertThat(nok).hasSize(1);
        assertThat(new BigDecimal(nok.get(0).split("\\|")[0]))
                .isEqualByComparingTo(new BigDecimal("7.50").multiply(BigDecimal.valueOf(bought)));
        JsonNode graphql = GraphQL.data("{ savings { currency exposure { amount } idleSeats unassignedSeats } }")
                .get("savings");
        for (JsonNode s : graphql) {
            if (s.get("currency").asText().equals("NOK")) {
                assertThat(nok.get(0).split("\\|")[1]).isEqualTo(s.get("idleSeats").asText());
                assertThat(nok.get(0).split("\\|")[2]).isEqualTo(s.get("unassignedSeats").asText());
            }
        }
        assertThat(graphql.findValuesAsText("currency")).contains("NOK");
    }
}
