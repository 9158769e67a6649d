package io.m365insights.activity;

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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle seats checked against an oracle computed independently from the simulator's raw data (its control API, not
 * the CSV files our parsers read), with PRODUCT.md's rules written out again here: the SKU's signals from its plan
 * names, no activity after (today - 2 - days), the grace for new seats from the report's assign dates or the
 * assignment's lastUpdatedDateTime, and sign-ins only when no signal of the rule can be told.
 */
@QuarkusTest
class IdleSeatsTest {
    private static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static final String COPILOT = "639dec6b-bb19-468b-871c-c5c441c4b0cb";
    private static final String POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    private static final String SEATS = "query($sku: ID!, $days: Int, $after: String) { license(skuId: $sku) { "
            + "activitySignals idleCount(days: $days) idleMonthlyCost(days: $days) idleSeats(days: $days, first: 500, "
            + "after: $after) { totalCount undeterminedCount newSeatCount pageInfo { hasNextPage endCursor } "
            + "nodes { user { id } lastActiveDate assignedSince assignedSinceIsUpperBound decidedBy reviewOnly "
            + "evidence { signal lastActiveDate available detail } } } } }";

    @Inject
    TestDatabase db;

    @Inject
    Clock clock;

    private final SimulatorClient simulator = SimulatorClient.current();
    private LocalDate today;
    private JsonNode tenant;
    private Map<String, JsonNode> raw;
    private Map<String, LocalDate> apps;

    @BeforeEach
    void fresh() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        db.clearActivity();
        today = LocalDate.now(clock);
    }

    private void syncAndReadRawData() {
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        tenant = simulator.tenant();
        LocalDate last = today.minusDays(2);
        JsonNode activity = simulator.activityRaw(last);
        assertThat(activity.get("today").asText()).isEqualTo(today.toString());
        raw = new HashMap<>();
        activity.get("users").forEach(u -> raw.put(u.get("id").asText(), u));
        apps = new HashMap<>();
        for (LocalDate d = last.minusDays(27); !d.isAfter(last); d = d.plusDays(1)) {
            for (JsonNode row : simulator.usage(d).get("rows")) {
                String upn = row.get("upn").asText().toLowerCase();
                LocalDate reported = date(row.get("lastActivityDate"));
                LocalDate active = (row.get("flags").asLong() & 0b111111) != 0 ? d : null;
                for (LocalDate c : new LocalDate[]{reported, active}) {
                    if (c != null) {
                        apps.merge(upn, c, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
    }

    // ---- the oracle ----

    private List<String> rule(String skuId) {
        for (JsonNode s : tenant.get("skus")) {
            if (s.get("skuId").asText().equals(skuId)) {
                Set<String> plans = new HashSet<>();
                s.get("servicePlans").forEach(p -> plans.add(p.get("servicePlanName").asText()));
                if (plans.stream().anyMatch(p -> p.startsWith("M365_COPILOT"))) {
                    return List.of("COPILOT");
                }
                List<String> rule = new ArrayList<>();
                boolean exchange = plans.stream().anyMatch(p -> p.startsWith("EXCHANGE_S_"));
                boolean sharepoint = plans.contains("SHAREPOINTENTERPRISE") || plans.contains("SHAREPOINTSTANDARD");
                boolean teams = plans.contains("TEAMS1");
                boolean office = plans.contains("OFFICESUBSCRIPTION") || plans.contains("SHAREPOINTWAC");
                if (!(exchange || sharepoint || teams || office)) {
                    return List.of("SIGN_IN");
                }
                rule.add("APPS");
                if (exchange) {
                    rule.add("EXCHANGE");
                }
                if (sharepoint) {
                    rule.addAll(List.of("ONEDRIVE", "SHAREPOINT"));
                }
                if (teams) {
                    rule.add("TEAMS");
                }
                return rule;
            }
        }
        throw new AssertionError("no SKU " + skuId);
    }

    private LocalDate signal(JsonNode user, String signal) {
        JsonNode r = raw.get(user.get("id").asText());
        return switch (signal) {
            case "APPS" -> apps.get(user.get("userPrincipalName").asText().toLowerCase());
            case "COPILOT" -> r.get("copilot").isNull() ? null : date(r.get("copilot").get("lastActivityDate"));
            case "SIGN_IN" -> {
                String s = r.get("signInActivity").get("lastSuccessfulSignInDateTime").asText();
                yield s.startsWith("0001-01-01") ? null : LocalDate.ofInstant(Instant.parse(s), ZoneOffset.UTC);
            }
            default -> r.get("services").isNull() ? null : date(r.get("services").get(signal).get("lastActivityDate"));
        };
    }

    private LocalDate assignedSince(JsonNode user, String skuId, List<String> rule, boolean reportLinked) {
        JsonNode services = raw.get(user.get("id").asText()).get("services");
        LocalDate since = null;
        if (reportLinked && !services.isNull()) {
            for (String s : rule) {
                if (services.has(s)) {
                    LocalDate d = date(services.get(s).get("assignDate"));
                    if (d != null && (since == null || d.isBefore(since))) {
                        since = d;
                    }
                }
            }
        }
        if (since == null) {
            for (JsonNode a : user.get("assignments")) {
                if (a.get("skuId").asText().equals(skuId) && !"Error".equals(a.get("state").asText())) {
                    LocalDate d = LocalDate.ofInstant(Instant.parse(a.get("lastUpdatedDateTime").asText()), ZoneOffset.UTC);
                    if (since == null || d.isBefore(since)) {
                        since = d;
                    }
                }
            }
        }
        return since;
    }

    /** Idle holders' ids; {@code reportsReadable} false = names concealed: only sign-ins can decide. */
    private Set<String> expectedIdle(String skuId, int days, boolean reportsReadable) {
        LocalDate cutoff = today.minusDays(2).minusDays(days);
        List<String> rule = rule(skuId);
        Set<String> idle = new TreeSet<>();
        for (JsonNode u : tenant.get("users")) {
            if (!holds(u, skuId)) {
                continue;
            }
            LocalDate since = assignedSince(u, skuId, rule, reportsReadable);
            if (since != null && since.isAfter(today.minusDays(30))) {
                continue; // a new seat
            }
            List<String> deciding = rule.equals(List.of("SIGN_IN")) || !reportsReadable ? List.of("SIGN_IN") : rule;
            LocalDate last = null;
            for (String s : deciding) {
                LocalDate d = signal(u, s);
                if (d != null && (last == null || d.isAfter(last))) {
                    last = d;
                }
            }
            if (last == null || !last.isAfter(cutoff)) {
                idle.add(u.get("id").asText());
            }
        }
        return idle;
    }

    private static boolean holds(JsonNode user, String skuId) {
        for (JsonNode a : user.get("assignments")) {
            if (a.get("skuId").asText().equals(skuId) && !"Error".equals(a.get("state").asText())) {
                return true;
            }
        }
        return false;
    }

    // ---- the API ----

    private record Result(JsonNode license, Map<String, JsonNode> seats) {
    }

    private Result seats(String skuId, int days) {
        Map<String, JsonNode> seats = new HashMap<>();
        String after = null;
        JsonNode license;
        do {
            Map<String, Object> vars = new HashMap<>(Map.of("sku", skuId, "days", days));
            if (after != null) {
                vars.put("after", after);
            }
            license = GraphQL.data(SEATS, vars).get("license");
            license.get("idleSeats").get("nodes").forEach(n -> seats.put(n.get("user").get("id").asText(), n));
            JsonNode info = license.get("idleSeats").get("pageInfo");
            after = info.get("hasNextPage").asBoolean() ? info.get("endCursor").asText() : null;
        } while (after != null);
        return new Result(license, seats);
    }

    private JsonNode someUser(java.util.function.Predicate<JsonNode> raw, java.util.function.Predicate<JsonNode> user) {
        for (JsonNode u : tenant.get("users")) {
            if (u.get("accountEnabled").asBoolean() && raw.test(this.raw.get(u.get("id").asText())) && user.test(u)) {
                return u;
            }
        }
        throw new AssertionError("the simulated tenant has no such user");
    }

    @Test
    void idleSeatsOfASuiteAndOfTheCopilotSkuMatchTheRawData() {
        syncAndReadRawData();
        for (String sku : List.of(E3, COPILOT)) {
            for (int days : new int[]{14, 30}) {
                Set<String> expected = expectedIdle(sku, days, true);
                Result r = seats(sku, days);
                assertThat(r.seats().keySet()).as("%s, %d days", sku, days).isEqualTo(expected);
                assertThat(r.license().get("idleCount").asInt()).isEqualTo(expected.size());
                assertThat(r.license().get("idleSeats").get("totalCount").asInt()).isEqualTo(expected.size());
                assertThat(r.license().get("idleSeats").get("undeterminedCount").asInt()).isZero();
                assertThat(r.seats().values()).allMatch(s -> !s.get("reviewOnly").asBoolean());
            }
        }
        assertThat(seats(E3, 30).license().get("activitySignals")).extracting(JsonNode::asText)
                .containsExactly("APPS", "EXCHANGE", "ONEDRIVE", "SHAREPOINT", "TEAMS");
        assertThat(seats(COPILOT, 30).license().get("activitySignals")).extracting(JsonNode::asText)
                .containsExactly("COPILOT");
        Result e3 = seats(E3, 30);
        assertThat(e3.seats()).isNotEmpty();
        // the six-app fields keep their meaning under their names, and say they are deprecated in favour of these
        // (SmallRye GraphQL 2.17 does not turn java.lang.Deprecated on a @Source field into isDeprecated)
        JsonNode fields = GraphQL.data("{ __type(name: \"License\") { fields(includeDeprecated: true) { name "
                + "description } } }").get("__type").get("fields");
        Map<String, String> descriptions = new HashMap<>();
        fields.forEach(f -> descriptions.put(f.get("name").asText(), f.get("description").asText()));
        assertThat(descriptions.get("inactiveUsers")).startsWith("Deprecated: use idleSeats");
        assertThat(descriptions.get("inactiveCount")).startsWith("Deprecated: use idleCount");
        assertThat(descriptions.get("inactiveMonthlyCost")).startsWith("Deprecated: use idleMonthlyCost");
        assertThat(e3.license().get("idleMonthlyCost").decimalValue()).isEqualByComparingTo(
                new BigDecimal("36.00").multiply(BigDecimal.valueOf(e3.seats().size())));
    }

    @Test
    void aMailOnlyUserIsNotIdleThoughTheAppsReportSaysInactive() {
        syncAndReadRawData();
        JsonNode mailOnly = someUser(r -> r.get("profile").asText().equals("MAIL_ONLY"), u -> holds(u, E3)
                && assignedSince(u, E3, rule(E3), true).isBefore(today.minusDays(60)));
        String id = mailOnly.get("id").asText();
        assertThat(signal(mailOnly, "EXCHANGE")).isAfter(today.minusDays(20));
        assertThat(seats(E3, 30).seats()).doesNotContainKey(id);
        // the six-app view, kept under its old (deprecated) name, calls the same person inactive
        JsonNode inactive = GraphQL.data("query($sku: ID!) { license(skuId: $sku) { inactiveUsers(days: 30, first: 500) "
                + "{ nodes { id } } } }", Map.of("sku", E3)).get("license").get("inactiveUsers").get("nodes");
        assertThat(inactive.findValuesAsText("id")).contains(id);
        JsonNode activity = GraphQL.data("query($id: ID) { user(id: $id) { activity { lastActiveDate signals { signal "
                + "lastActiveDate available } } } }", Map.of("id", id)).get("user").get("activity");
        assertThat(activity.get("signals").findValuesAsText("signal")).containsExactly("APPS", "COPILOT", "EXCHANGE",
                "ONEDRIVE", "SHAREPOINT", "TEAMS", "SIGN_IN");
        assertThat(LocalDate.parse(activity.get("lastActiveDate").asText())).isAfter(today.minusDays(20));
    }

    @Test
    void aCopilotHolderActiveInWordButNeverInCopilotHoldsAnIdleCopilotSeat() {
        syncAndReadRawData();
        JsonNode holder = someUser(r -> !r.get("copilot").isNull() && r.get("copilot").get("habit").asText().equals("UNUSED")
                && r.get("profile").asText().equals("NORMAL"), u -> apps.get(u.get("userPrincipalName").asText()
                .toLowerCase()) != null && apps.get(u.get("userPrincipalName").asText().toLowerCase())
                .isAfter(today.minusDays(20)));
        String id = holder.get("id").asText();
        JsonNode seat = seats(COPILOT, 30).seats().get(id);
        assertThat(seat).as("an idle Copilot seat").isNotNull();
        assertThat(seat.get("assignedSinceIsUpperBound").asBoolean()).isTrue(); // no report gives Copilot's assign date
        assertThat(seat.get("evidence").get(0).get("signal").asText()).isEqualTo("COPILOT");
        assertThat(seat.get("evidence").get(0).get("available").asBoolean()).isTrue();
        assertThat(seat.get("evidence").get(0).get("lastActiveDate").isNull()).isTrue();
        assertThat(seats(E3, 30).seats()).doesNotContainKey(id); // the suite seat is used
        JsonNode copilot = GraphQL.data("query($id: ID) { user(id: $id) { copilot { lastActiveDate available apps { app "
                + "lastActiveDate } } } }", Map.of("id", id)).get("user").get("copilot");
        assertThat(copilot.get("available").asBoolean()).isTrue();
        assertThat(copilot.get("lastActiveDate").isNull()).isTrue();
        assertThat(GraphQL.data("{ user(userPrincipalName: \"room.oslo@contoso.com\") { copilot { lastActiveDate } } }")
                .get("user").get("copilot").isNull()).isTrue(); // no Copilot seat
    }

    @Test
    void aNewStarterWithinTheGraceIsNotIdle() {
        syncAndReadRawData();
        JsonNode starter = someUser(r -> r.get("profile").asText().equals("NEW_STARTER"), u -> holds(u, E3));
        String id = starter.get("id").asText();
        LocalDate since = assignedSince(starter, E3, rule(E3), true);
        assertThat(since).isAfter(today.minusDays(13));
        assertThat(signal(starter, "APPS")).isNull(); // no activity at all yet
        assertThat(seats(E3, 30).seats()).doesNotContainKey(id);
        assertThat(seats(E3, 30).license().get("idleSeats").get("newSeatCount").asInt()).isPositive();
    }

    @Test
    void concealedNamesLeaveSignInsToDecideFlaggedForReviewNeverASilentZero() {
        syncAndReadRawData();
        Set<String> namedPowerBi = seats(POWER_BI_PRO, 30).seats().keySet();
        assertThat(namedPowerBi).isEqualTo(expectedIdle(POWER_BI_PRO, 30, true)).isNotEmpty();

        db.clearUsage();
        db.clearActivity();
        simulator.reports(Map.of("concealed", true));
        syncAndReadRawData();
        // where sign-ins decide anyway, concealment changes nothing
        assertThat(seats(POWER_BI_PRO, 30).seats().keySet()).isEqualTo(namedPowerBi);
        // where reports would decide, sign-ins do, and every seat says it needs a review
        for (String sku : List.of(E3, COPILOT)) {
            Result r = seats(sku, 30);
            Set<String> expected = expectedIdle(sku, 30, false);
            assertThat(expected).isNotEmpty();
            assertThat(r.seats().keySet()).as(sku).isEqualTo(expected);
            assertThat(r.seats().values()).allMatch(s -> s.get("reviewOnly").asBoolean()
                    && s.get("decidedBy").findValuesAsText("decidedBy").isEmpty()
                    && s.get("decidedBy").get(0).asText().equals("SIGN_IN"));
            JsonNode evidence = r.seats().values().iterator().next().get("evidence");
            assertThat(evidence.get(0).get("available").asBoolean()).isFalse();
            assertThat(evidence.get(0).get("detail").asText()).contains("Display concealed user, group, and site names");
        }
        JsonNode sources = GraphQL.data("{ syncStatus { activitySources { part available namesConcealed detail daysHeld "
                + "missingDays lastFetchedAt } } }").get("syncStatus").get("activitySources");
        assertThat(sources).hasSize(3);
        for (JsonNode s : sources) {
            boolean signIns = s.get("part").asText().equals("SIGN_INS");
            assertThat(s.get("available").asBoolean()).as("%s", s).isEqualTo(signIns);
            if (!signIns) {
                assertThat(s.get("namesConcealed").asBoolean()).isTrue();
            }
        }
        assertThat(sources.get(0).get("daysHeld").asInt()).isEqualTo(28);
        assertThat(sources.get(0).get("missingDays")).isEmpty();
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : LocalDate.parse(n.asText());
    }
}
