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

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant that conceals names gives the same counts; per-user usage is reported unavailable, with the fix. */
@QuarkusTest
class UsageConcealmentTest {
    private static final String ALL_SERIES = "query($from: Date!, $to: Date!) { "
            + "day: usage(from: $from, to: $to, platforms: [WINDOWS, MAC, MOBILE, WEB]) { periodStart app platform activeUsers } "
            + "week: usage(from: $from, to: $to, granularity: WEEK) { periodStart app platform activeUsers } "
            + "month: usage(from: $from, to: $to, granularity: MONTH, platforms: [WEB, MOBILE]) { periodStart app platform activeUsers } }";

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();
    private final LocalDate last = TestClock.latestReportDay();
    private final LocalDate first = last.minusDays(27);

    @BeforeEach
    void reset() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
    }

    @Test
    void concealedNamesGiveTheSameAggregatesAsNamedOnes() {
        Syncs.syncNow();
        JsonNode named = series();

        db.clearUsage();
        simulator.reports(Map.of("concealed", true));
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "USAGE").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(db.count("select count(*) from usage_identity where concealed")).isPositive();
        assertThat(db.count("select count(*) from usage_identity where user_id is not null")).isZero();

        assertThat(series()).isEqualTo(named);
        assertThat(named.get("week").findValues("activeUsers")).anyMatch(n -> n.asInt() > 0);
    }

    @Test
    void theConcealmentSettingIsAskedOfGraphOnlyWhenReportsConcealNames() {
        simulator.clearRequests();
        Syncs.syncNow();
        assertThat(simulator.requests("GET", "/v1.0/admin/reportSettings")).as("named reports: no extra request").isEmpty();
        assertThat(GraphQL.data("{ syncStatus { usage { concealedNamesSetting } } }").get("syncStatus").get("usage")
                .get("concealedNamesSetting").asBoolean(true)).isFalse();

        simulator.reports(Map.of("concealed", true));
        db.clearUsage();
        Syncs.syncNow();
        assertThat(simulator.requests("GET", "/v1.0/admin/reportSettings")).hasSize(1);
    }

    @Test
    void syncStatusExplainsConcealmentAndPerUserUsageSaysUnavailable() {
        simulator.reports(Map.of("concealed", true));
        Syncs.syncNow();

        JsonNode usage = GraphQL.data("{ syncStatus { usage { namesConcealed concealedNamesSetting howToRevealNames } } }")
                .get("syncStatus").get("usage");
        assertThat(usage.get("namesConcealed").asBoolean()).isTrue();
        assertThat(usage.get("concealedNamesSetting").asBoolean()).isTrue();
        assertThat(usage.get("howToRevealNames").asText()).contains("Settings › Org Settings › Services › Reports")
                .contains("Display concealed user, group, and site names in all reports");

        String id = simulator.users(u -> u.get("accountEnabled").asBoolean() && !u.get("assignments").isEmpty())
                .get(5).get("id").asText();
        JsonNode user = GraphQL.data("query($id: ID, $from: Date!, $to: Date!) { user(id: $id) { usageStatus "
                + "lastActivityDate appActivity { app lastActiveDate } usage(from: $from, to: $to) { date available apps } } }",
                Map.of("id", id, "from", last.minusDays(1).toString(), "to", last.toString())).get("user");
        assertThat(user.get("usageStatus").asText()).isEqualTo("CONCEALED");
        assertThat(user.get("lastActivityDate").isNull()).isTrue();
        assertThat(user.get("usage")).hasSize(2);
        user.get("usage").forEach(d -> {
            assertThat(d.get("available").asBoolean()).isFalse();
            assertThat(d.get("apps").isNull()).as("unknown, not an empty list").isTrue();
        });

        JsonNode inactive = GraphQL.post("{ licenses { skuPartNumber inactiveCount(days: 14) } }", Map.of());
        assertThat(inactive.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("USAGE_UNAVAILABLE");
        assertThat(inactive.get("errors").get(0).get("message").asText()).contains("conceal");
        JsonNode filtered = GraphQL.post("{ users(filter: {inactiveForDays: 30}) { totalCount } }", Map.of());
        assertThat(filtered.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("USAGE_UNAVAILABLE");
    }

    @Test
    void withoutReportsTheUsagePartFailsWithTheFixAndTheRestSyncs() {
        simulator.reports(Map.of("forbidden", true));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(Syncs.part(run, "USERS").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "LICENSES").get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode usage = Syncs.part(run, "USAGE");
        assertThat(usage.get("status").asText()).isEqualTo("FAILED");
        assertThat(usage.get("detail").asText()).contains("forbidden").contains("Reports.Read.All");
        // one request, not retried; nothing stored
        assertThat(simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("getM365AppUserDetail"))).hasSize(1);
        assertThat(db.count("select count(*) from usage_report_day")).isZero();
    }

    private JsonNode series() {
        return GraphQL.data(ALL_SERIES, Map.of("from", first.toString(), "to", last.toString()));
    }
}
