package io.m365insights.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.m365insights.testsupport.Tenant42.JORG;
import static io.m365insights.testsupport.Tenant42.POWER_BI_STANDARD;
import static io.m365insights.testsupport.Tenant42.SPE_E5;
import static io.m365insights.testsupport.Tenant42.ZOE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seat history: what a sync sees appear and go, and what this service reclaims itself, counted per day and kind —
 * compared as the change the test made (the shared test database holds other tests' history too).
 */
@QuarkusTest
class SeatHistoryTest {
    private static final String CHANGES = "query($sku: ID!, $from: Date!, $to: Date!) { seatChanges(skuId: $sku, "
            + "from: $from, to: $to) { day kind count } }";

    private final SimulatorClient simulator = SimulatorClient.current();
    private LocalDate today;

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        Syncs.syncNow();
        today = TestClock.today();
    }

    /** kind -> count of today's changes of a SKU. */
    private Map<String, Integer> today(String sku) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode c : GraphQL.data(CHANGES, Map.of("sku", sku, "from", today.toString(), "to", today.toString()))
                .get("seatChanges")) {
            assertThat(c.get("day").asText()).isEqualTo(today.toString());
            out.put(c.get("kind").asText(), c.get("count").asInt());
        }
        return out;
    }

    private static int delta(Map<String, Integer> before, Map<String, Integer> after, String kind) {
        return after.getOrDefault(kind, 0) - before.getOrDefault(kind, 0);
    }

    @Test
    void aSyncRecordsTheSeatsThatAppearedAndWentAndNothingWhenNothingChanged() {
        Map<String, Integer> standardBefore = today(POWER_BI_STANDARD);
        Map<String, Integer> e5Before = today(SPE_E5);
        simulator.changeLicenses(ZOE, List.of(Map.of("skuId", POWER_BI_STANDARD)), List.of());
        simulator.changeLicenses(JORG, List.of(), List.of(Map.of("skuId", SPE_E5)));
        Syncs.syncNow();

        Map<String, Integer> standardAfter = today(POWER_BI_STANDARD);
        Map<String, Integer> e5After = today(SPE_E5);
        assertThat(delta(standardBefore, standardAfter, "ASSIGNED")).isEqualTo(1);
        assertThat(delta(standardBefore, standardAfter, "REMOVED")).isZero();
        assertThat(delta(e5Before, e5After, "REMOVED")).isEqualTo(1);
        assertThat(delta(e5Before, e5After, "ASSIGNED")).isZero();
        JsonNode zoe = GraphQL.data("query($id: ID) { user(id: $id) { licenses { assignedSince license { skuId } } } }",
                Map.of("id", ZOE)).at("/user/licenses");
        JsonNode standard = null;
        for (JsonNode l : zoe) {
            if (l.at("/license/skuId").asText().equals(POWER_BI_STANDARD)) {
                standard = l;
            }
        }
        assertThat(standard).isNotNull();
        assertThat(standard.get("assignedSince").asText()).isEqualTo(today.toString());

        Syncs.syncNow(); // nothing changed in the tenant: nothing is recorded
        assertThat(today(POWER_BI_STANDARD)).isEqualTo(standardAfter);
        assertThat(today(SPE_E5)).isEqualTo(e5After);
    }

    @Test
    void aSeatReclaimedThroughTheServiceIsRecordedOnceAndTheNextSyncAgrees() {
        Map<String, Integer> before = today(SPE_E5);
        JsonNode payload = GraphQL.data("mutation($u: ID!, $s: ID!) { unassignLicense(input: {userId: $u, skuId: $s, "
                + "dryRun: false}) { removed userErrors { code } } }", Map.of("u", JORG, "s", SPE_E5)).get("unassignLicense");
        assertThat(payload.get("removed").asBoolean()).as("%s", payload).isTrue();
        Map<String, Integer> reclaimed = today(SPE_E5);
        assertThat(delta(before, reclaimed, "RECLAIMED")).isEqualTo(1);

        Syncs.syncNow(); // Microsoft Graph shows the same: no second record of the same seat
        Map<String, Integer> after = today(SPE_E5);
        assertThat(after).isEqualTo(reclaimed);
    }

    @Test
    void aRangeBackwardsIsAClearError() {
        JsonNode r = GraphQL.post(CHANGES, Map.of("sku", SPE_E5, "from", today.toString(),
                "to", today.minusDays(1).toString()));
        assertThat(r.at("/errors/0/message").asText()).contains("from must not be after to");
    }
}
