package io.m365insights.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions and the renewal calendar, checked against the simulator's raw subscriptions (its control API): every
 * field as Microsoft Graph gave it, no invented billing term, renewals within a window computed independently from the
 * raw dates and the test clock, history kept for a cancelled subscription, and a missing permission named.
 */
@QuarkusTest
class SubscriptionsTest {
    private static final String FIELDS = "id status isTrial totalLicenses createdAt nextLifecycleAt ownerTenantId skuId";

    private final SimulatorClient simulator = SimulatorClient.current();

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "SUBSCRIPTIONS").get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
    }

    @AfterEach
    void noFaultsLeft() {
        simulator.clearFaults();
    }

    private List<JsonNode> raw() {
        List<JsonNode> out = new ArrayList<>();
        simulator.send("GET", "/_simulator/subscriptions", null).get("subscriptions").forEach(out::add);
        return out;
    }

    /** A subscription as a comparable line: the raw simulator JSON and our API's answer say the same. */
    private static String line(JsonNode s, boolean fromApi) {
        String status = s.get("status").asText();
        if (!fromApi) {
            status = switch (status) {
                case "LockedOut" -> "LOCKED_OUT";
                default -> status.toUpperCase();
            };
        }
        return String.join("|", s.get("id").asText(), status, s.get("isTrial").asText(), s.get("totalLicenses").asText(),
                Instant.parse(s.get("createdDateTime").asText()).toString(),
                Instant.parse(s.get("nextLifecycleDateTime").asText()).toString(), s.get("ownerTenantId").asText(),
                s.get("skuId").asText());
    }

    private static String apiLine(JsonNode s) {
        return String.join("|", s.get("id").asText(), s.get("status").asText(), s.get("isTrial").asText(),
                s.get("totalLicenses").asText(), Instant.parse(s.get("createdAt").asText()).toString(),
                Instant.parse(s.get("nextLifecycleAt").asText()).toString(), s.get("ownerTenantId").asText(),
                s.get("skuId").asText());
    }

    @Test
    void everyLicenseListsItsSubscriptionsAsMicrosoftGraphGaveThem() {
        Map<String, List<String>> expected = new TreeMap<>();
        for (JsonNode s : raw()) {
            expected.computeIfAbsent(s.get("skuId").asText(), k -> new ArrayList<>()).add(line(s, false));
        }
        Map<String, List<String>> actual = new TreeMap<>();
        for (JsonNode l : GraphQL.data("{ licenses { skuId subscriptions { " + FIELDS + " } } }").get("licenses")) {
            List<String> lines = new ArrayList<>();
            l.get("subscriptions").forEach(s -> lines.add(apiLine(s)));
            if (!lines.isEmpty()) {
                actual.put(l.get("skuId").asText(), lines);
            }
        }
        assertThat(actual).isEqualTo(expected);
        // the simulated tenant has each kind a customer meets
        assertThat(raw()).anyMatch(s -> s.get("isTrial").asBoolean())
                .anyMatch(s -> s.get("status").asText().equals("Suspended"))
                .anyMatch(s -> s.get("status").asText().equals("Warning"))
                .anyMatch(s -> !s.get("ownerTenantId").isNull());
    }

    @Test
    void renewalsAreTheSubscriptionsWhoseNextLifecycleFallsWithinTheWindowSoonestFirst() {
        for (int days : List.of(7, 30, 90, 365)) {
            Instant now = TestClock.now();
            Instant until = now.plus(days, ChronoUnit.DAYS);
            List<String> expected = raw().stream()
                    .filter(s -> !s.get("nextLifecycleDateTime").isNull())
                    .filter(s -> {
                        Instant next = Instant.parse(s.get("nextLifecycleDateTime").asText());
                        return !next.isBefore(now) && !next.isAfter(until);
                    })
                    .sorted(Comparator.comparing((JsonNode s) -> s.get("nextLifecycleDateTime").asText())
                            .thenComparing(s -> s.get("id").asText()))
                    .map(s -> s.get("id").asText()).toList();
            JsonNode renewals = GraphQL.data("query($d: Int!) { renewals(withinDays: $d) { id nextLifecycleAt license "
                    + "{ skuPartNumber } } }", Map.of("d", days)).get("renewals");
            assertThat(renewals.findValuesAsText("id")).as("within %d days", days).isEqualTo(expected);
            renewals.forEach(r -> assertThat(r.at("/license/skuPartNumber").asText()).isNotBlank());
        }
        assertThat(GraphQL.data("{ renewals { id } }").get("renewals")).as("the default is 90 days").isNotEmpty();
    }

    @Test
    void aRenewedSubscriptionMovesAndACancelledOneLeavesTheLicenseButItsHistoryStays() {
        List<JsonNode> subs = raw();
        JsonNode renewed = subs.get(0);
        JsonNode cancelled = subs.get(1);
        String nextYear = Instant.parse(renewed.get("nextLifecycleDateTime").asText()).plus(365, ChronoUnit.DAYS).toString();
        simulator.send("PATCH", "/_simulator/subscriptions/" + renewed.get("id").asText(),
                Map.of("nextLifecycleDateTime", nextYear, "totalLicenses", 7));
        simulator.send("DELETE", "/_simulator/subscriptions/" + cancelled.get("id").asText(), null);

        JsonNode part = Syncs.part(Syncs.syncNow(), "SUBSCRIPTIONS");
        assertThat(part.get("updated").asInt()).isEqualTo(1);
        assertThat(part.get("deleted").asInt()).isEqualTo(1);
        JsonNode licenses = GraphQL.data("{ licenses { skuId subscriptions { id nextLifecycleAt totalLicenses } } }")
                .get("licenses");
        List<JsonNode> listed = new ArrayList<>();
        licenses.forEach(l -> l.get("subscriptions").forEach(listed::add));
        assertThat(listed).noneMatch(s -> s.get("id").asText().equals(cancelled.get("id").asText()));
        JsonNode now = listed.stream().filter(s -> s.get("id").asText().equals(renewed.get("id").asText())).findFirst()
                .orElseThrow();
        assertThat(Instant.parse(now.get("nextLifecycleAt").asText())).isEqualTo(Instant.parse(nextYear));
        assertThat(now.get("totalLicenses").asInt()).isEqualTo(7);
    }

    @Test
    void withoutThePermissionThePartFailsNamingItAndTheRestSyncs() {
        int before = GraphQL.data("{ renewals(withinDays: 3650) { id } }").get("renewals").size();
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/directory/subscriptions", "status", 403));
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).isEqualTo("PARTIAL");
        JsonNode part = Syncs.part(run, "SUBSCRIPTIONS");
        assertThat(part.get("status").asText()).isEqualTo("FAILED");
        assertThat(part.get("detail").asText()).contains("Organization.Read.All");
        assertThat(Syncs.part(run, "USERS").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Syncs.part(run, "LICENSES").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(GraphQL.data("{ renewals(withinDays: 3650) { id } }").get("renewals")).as("the last good data")
                .hasSize(before);
    }

    @Test
    void aWindowOutOfRangeIsAClearError() {
        JsonNode r = GraphQL.post("{ renewals(withinDays: -1) { id } }", Map.of());
        assertThat(r.at("/errors/0/message").asText()).contains("withinDays must be between 0 and");
    }
}
