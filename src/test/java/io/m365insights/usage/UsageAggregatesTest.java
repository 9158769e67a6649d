package io.m365insights.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.m365insights.testsupport.UsageExpectations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 28-day backfill from the simulator, then every usage series checked against counts computed independently from
 * the simulator's raw rows: DAY, WEEK and MONTH, with and without platforms, SUITE and TEAMS, over a range that starts
 * in the middle of a week.
 */
@QuarkusTest
class UsageAggregatesTest {
    private static final String SERIES = "query($from: Date!, $to: Date!, $g: Granularity, $apps: [UsageApp], "
            + "$platforms: [Platform]) { usage(from: $from, to: $to, granularity: $g, apps: $apps, platforms: $platforms) "
            + "{ periodStart app platform activeUsers } }";

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();
    private UsageExpectations raw;
    private LocalDate first;
    private LocalDate last;

    @BeforeEach
    void backfill() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        JsonNode run = Syncs.syncNow();
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        last = TestClock.latestReportDay();
        first = last.minusDays(27);
        raw = new UsageExpectations();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            raw.addDay(simulator.usage(d));
        }
    }

    @Test
    void theBackfillHoldsEveryDayOfTheWindow() {
        JsonNode usage = GraphQL.data("{ syncStatus { usage { firstDay lastDay daysStored missingDays windowStart "
                + "windowEnd reportRefreshDate namesConcealed } } }").get("syncStatus").get("usage");
        assertThat(usage.get("daysStored").asInt()).isEqualTo(28);
        assertThat(usage.get("firstDay").asText()).isEqualTo(first.toString());
        assertThat(usage.get("lastDay").asText()).isEqualTo(last.toString());
        assertThat(usage.get("windowStart").asText()).isEqualTo(first.toString());
        assertThat(usage.get("missingDays")).isEmpty();
        assertThat(usage.get("reportRefreshDate").asText()).isEqualTo(last.toString());
        assertThat(usage.get("namesConcealed").asBoolean()).isFalse();
        // one report request per day, and the token never went to the download host
        assertThat(simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("getM365AppUserDetail"))).hasSize(28);
        // every report answered 302 and its download was fetched once, without the token: the 28 days of this report,
        // and the other reports (the active user detail report's days, the Copilot snapshot) likewise
        long reportRequests = simulator.requests("GET", null).stream()
                .filter(r -> r.get("path").asText().contains("/reports/")).count();
        assertThat(reportRequests).isGreaterThanOrEqualTo(28);
        assertThat(simulator.requests("GET", null).stream().filter(r -> r.get("path").asText().startsWith("/data/download")))
                .hasSize((int) reportRequests)
                .allMatch(r -> !r.get("authorized").asBoolean() && r.get("status").asInt() == 200);
    }

    @Test
    void dailySeriesMatchTheRawRows() {
        check(first, last, "DAY", List.of("SUITE", "TEAMS", "OUTLOOK", "ONENOTE"), null);
        check(first, last, "DAY", List.of("SUITE", "TEAMS"), UsageExpectations.PLATFORMS);
    }

    @Test
    void weeklySeriesFromMidWeekMatchTheRawRows() {
        LocalDate midWeek = first.plusDays(1);
        while (midWeek.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            midWeek = midWeek.plusDays(1);
        }
        check(midWeek, last, "WEEK", List.of("SUITE", "TEAMS", "WORD", "EXCEL", "POWERPOINT"), null);
        check(midWeek, last.minusDays(3), "WEEK", List.of("SUITE", "TEAMS"), UsageExpectations.PLATFORMS);
        // a user active on several days of a week counts once: weekly counts exceed no single day's sum
        Map<LocalDate, Integer> weekly = raw.expected(midWeek, last, "WEEK", "SUITE", null);
        Map<LocalDate, Integer> daily = raw.expected(midWeek, last, "DAY", "SUITE", null);
        int busiestDay = daily.values().stream().max(Integer::compare).orElseThrow();
        assertThat(weekly.values().stream().max(Integer::compare).orElseThrow()).isGreaterThanOrEqualTo(busiestDay)
                .isLessThan(daily.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void monthlySeriesMatchTheRawRows() {
        check(first.plusDays(3), last, "MONTH", List.of("SUITE", "TEAMS", "OUTLOOK"), null);
        check(first, last, "MONTH", List.of("SUITE", "TEAMS"), UsageExpectations.PLATFORMS);
        // a range covering the whole month: its counts come from the pre-aggregates
        check(last.withDayOfMonth(1), last.with(TemporalAdjusters.lastDayOfMonth()), "MONTH",
                List.of("SUITE", "TEAMS", "EXCEL"), UsageExpectations.PLATFORMS);
    }

    @Test
    void wholeWeeksFromThePreAggregatesMatchTheRawRows() {
        LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        check(monday, sunday, "WEEK", List.of("SUITE", "TEAMS", "ONENOTE"), UsageExpectations.PLATFORMS);
        check(monday, sunday, "WEEK", List.of("SUITE", "WORD"), null);
    }

    @Test
    void withoutAppsEveryAppAndPeriodsWithoutDataHaveNoPoint() {
        JsonNode points = series(first.minusDays(40), first.plusDays(1), "DAY", null, null);
        // only the two stored days of that range have points, one per UsageApp, platform null
        assertThat(points).hasSize(2 * 7);
        assertThat(points.findValuesAsText("periodStart")).containsOnly(first.toString(), first.plusDays(1).toString());
        assertThat(points.findValuesAsText("app")).contains("SUITE", "OUTLOOK", "WORD", "EXCEL", "POWERPOINT",
                "ONENOTE", "TEAMS");
        points.forEach(p -> assertThat(p.get("platform").isNull()).isTrue());
        assertThat(series(last.plusDays(1), last.plusDays(30), "WEEK", null, null)).isEmpty();
    }

    @Test
    void teamsIsNeverPartOfTheSuite() {
        // a person active only in Teams on a day adds to TEAMS and not to SUITE
        LocalDate d = last.minusDays(5);
        long teamsOnly = simulator.usage(d).get("rows").findValues("flags").stream()
                .filter(f -> (f.asLong() & 0b111111) == 0b100000).count();
        assertThat(teamsOnly).as("the simulated day has Teams-only people").isPositive();
        JsonNode points = series(d, d, "DAY", List.of("SUITE", "TEAMS"), null);
        assertThat(points.get(0).get("app").asText()).isEqualTo("SUITE");
        assertThat(points.get(0).get("activeUsers").asInt())
                .isEqualTo(raw.expected(d, d, "DAY", "SUITE", null).get(d))
                .isLessThan(countAny(d)); // people active in any app, Teams-only people included
    }

    @Test
    void syncingAgainChangesNothing() {
        List<String> before = ledger();
        JsonNode run = Syncs.syncNow();
        JsonNode usagePart = Syncs.part(run, "USAGE");
        assertThat(usagePart.get("created").asInt()).isZero(); // no new day
        assertThat(usagePart.get("updated").asInt()).isEqualTo(3); // the 3 most recent days were fetched again
        assertThat(ledger()).isEqualTo(before);
    }

    @Test
    void aUsersOwnDaysMatchTheRawRows() {
        JsonNode people = simulator.tenant().get("users");
        JsonNode user = null;
        for (JsonNode u : people) {
            String upn = u.get("userPrincipalName").asText().toLowerCase();
            if (raw.days().stream().anyMatch(d -> dayFlags(d, upn) != 0)) {
                user = u;
                break;
            }
        }
        assertThat(user).isNotNull();
        String upn = user.get("userPrincipalName").asText().toLowerCase();
        JsonNode result = GraphQL.data("query($id: ID, $from: Date!, $to: Date!) { user(id: $id) { usageStatus "
                + "lastActivityDate usage(from: $from, to: $to) { date available inReport apps platforms } } }",
                Map.of("id", user.get("id").asText(), "from", first.toString(), "to", last.toString())).get("user");
        assertThat(result.get("usageStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(result.get("usage")).hasSize(28);
        LocalDate lastActive = null;
        for (JsonNode day : result.get("usage")) {
            LocalDate d = LocalDate.parse(day.get("date").asText());
            long flags = dayFlags(d, upn);
            assertThat(day.get("available").asBoolean()).isTrue();
            List<String> apps = UsageExpectations.APPS.stream().filter(a -> UsageExpectations.active(flags, a, null))
                    .toList();
            assertThat(texts(day.get("apps"))).as("apps on %s", d).containsExactlyElementsOf(apps);
            List<String> platforms = UsageExpectations.PLATFORMS.stream()
                    .filter(p -> (flags & (1L << (6 + UsageExpectations.PLATFORMS.indexOf(p)))) != 0).toList();
            assertThat(texts(day.get("platforms"))).as("platforms on %s", d).containsExactlyElementsOf(platforms);
            assertThat(day.get("inReport").asBoolean()).isEqualTo(inReport(d, upn));
            if (!apps.isEmpty()) {
                lastActive = d;
            }
        }
        assertThat(result.get("lastActivityDate").asText()).isEqualTo(lastActive.toString());
    }

    // --- helpers ---

    private void check(LocalDate from, LocalDate to, String granularity, List<String> apps, List<String> platforms) {
        JsonNode points = series(from, to, granularity, apps, platforms);
        Map<String, Integer> actual = new TreeMap<>();
        points.forEach(p -> actual.put(p.get("periodStart").asText() + " " + p.get("app").asText() + " "
                + p.get("platform").asText(), p.get("activeUsers").asInt()));
        Map<String, Integer> expected = new TreeMap<>();
        for (String app : apps) {
            for (String platform : platforms == null ? java.util.Collections.<String>singletonList(null) : platforms) {
                raw.expected(from, to, granularity, app, platform).forEach((start, n) ->
                        expected.put(start + " " + app + " " + (platform == null ? "null" : platform), n));
            }
        }
        assertThat(actual).as("%s %s..%s %s %s", granularity, from, to, apps, platforms).isEqualTo(expected);
        assertThat(expected.values()).anyMatch(n -> n > 0);
    }

    private JsonNode series(LocalDate from, LocalDate to, String g, List<String> apps, List<String> platforms) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("from", from.toString());
        vars.put("to", to.toString());
        vars.put("g", g);
        vars.put("apps", apps);
        vars.put("platforms", platforms);
        return GraphQL.data(SERIES, vars).get("usage");
    }

    private long dayFlags(LocalDate d, String upn) {
        for (JsonNode row : simulator.usage(d).get("rows")) {
            if (row.get("upn").asText().equalsIgnoreCase(upn)) {
                return row.get("flags").asLong();
            }
        }
        return 0;
    }

    private boolean inReport(LocalDate d, String upn) {
        for (JsonNode row : simulator.usage(d).get("rows")) {
            if (row.get("upn").asText().equalsIgnoreCase(upn)) {
                return true;
            }
        }
        return false;
    }

    private int countAny(LocalDate d) {
        int n = 0;
        for (JsonNode row : simulator.usage(d).get("rows")) {
            if ((row.get("flags").asLong() & 0b111111) != 0) {
                n++;
            }
        }
        return n;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private List<String> ledger() {
        List<String> state = new java.util.ArrayList<>(db.rows("select * from usage_month order by month, identity_id"));
        state.addAll(db.rows("select * from usage_daily order by report_date, app, platform"));
        state.addAll(db.rows("select report_date, refresh_date, row_count, concealed_rows, unmatched_rows "
                + "from usage_report_day order by report_date"));
        state.addAll(db.rows("select * from usage_identity order by id"));
        return state;
    }
}
