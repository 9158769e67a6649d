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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage window and the weekly and monthly series on pinned days of the real calendar — a Monday, a Sunday, the
 * 1st and the last of a month, 1 January, 29 February's neighbour — with the application and the simulator moved to
 * that day together. Each series is checked against counts computed independently from the simulator's raw rows; a
 * failure names its day.
 */
@QuarkusTest
class UsageCalendarTest {
    private static final String SERIES = "query($from: Date!, $to: Date!, $g: Granularity, $platforms: [Platform]) { "
            + "usage(from: $from, to: $to, granularity: $g, apps: [SUITE, TEAMS], platforms: $platforms) "
            + "{ periodStart app platform activeUsers } }";

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();

    @AfterEach
    void backToTheRunsDay() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
    }

    @ParameterizedTest(name = "today = {0}")
    @ValueSource(strings = {"2027-01-04" /* Monday */, "2027-01-10" /* Sunday */, "2027-02-01" /* the 1st */,
            "2027-02-28" /* the last of February */, "2026-12-31" /* the last of a month and a year */,
            "2027-01-01" /* 1 January */, "2028-03-01" /* the 1st after a 29 February */})
    void theWindowAndEverySeriesFollowTheCalendar(String day) {
        LocalDate today = LocalDate.parse(day);
        simulator.reset();
        db.clearUsage();
        TestClock.setOffsetDays(TestClock.daysUntil(today));
        simulator.reports(Map.of("clockOffsetDays", TestClock.daysUntil(today)));
        assertThat(TestClock.today()).isEqualTo(today);

        JsonNode run = Syncs.syncNow();
        assertThat(Syncs.part(run, "USAGE").get("status").asText()).as("%s", run).isEqualTo("SUCCEEDED");
        LocalDate last = today.minusDays(2);
        LocalDate first = last.minusDays(27);
        JsonNode usage = GraphQL.data("{ syncStatus { usage { windowStart windowEnd firstDay lastDay daysStored "
                + "missingDays } } }").at("/syncStatus/usage");
        assertThat(usage.get("windowStart").asText()).isEqualTo(first.toString());
        assertThat(usage.get("windowEnd").asText()).isEqualTo(last.toString());
        assertThat(usage.get("firstDay").asText()).isEqualTo(first.toString());
        assertThat(usage.get("lastDay").asText()).isEqualTo(last.toString());
        assertThat(usage.get("daysStored").asInt()).isEqualTo(28);
        assertThat(usage.get("missingDays")).isEmpty();

        UsageExpectations raw = new UsageExpectations();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            raw.addDay(simulator.usage(d));
        }
        // the whole window (cut at both ends unless it starts on a Monday / ends on a Sunday), weeks and months
        check(raw, first, last, "WEEK", null);
        check(raw, first, last, "MONTH", List.of("WINDOWS", "WEB"));
        // a range from the middle of a week across the window's month end (or its last week)
        LocalDate midWeek = TestClock.onOrBefore(last, DayOfWeek.WEDNESDAY).minusDays(15);
        check(raw, midWeek, last, "WEEK", List.of("MOBILE"));
        check(raw, midWeek, last, "MONTH", null);
        check(raw, last, last, "DAY", null);
    }

    private static void check(UsageExpectations raw, LocalDate from, LocalDate to, String granularity,
                              List<String> platforms) {
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("from", from.toString());
        vars.put("to", to.toString());
        vars.put("g", granularity);
        vars.put("platforms", platforms);
        Map<String, Integer> actual = new TreeMap<>();
        GraphQL.data(SERIES, vars).get("usage").forEach(p -> actual.put(p.get("periodStart").asText() + " "
                + p.get("app").asText() + " " + p.get("platform").asText(), p.get("activeUsers").asInt()));
        Map<String, Integer> expected = new TreeMap<>();
        for (String app : List.of("SUITE", "TEAMS")) {
            for (String platform : platforms == null ? java.util.Collections.<String>singletonList(null) : platforms) {
                raw.expected(from, to, granularity, app, platform).forEach((start, n) ->
                        expected.put(start + " " + app + " " + (platform == null ? "null" : platform), n));
            }
        }
        assertThat(actual).as("%s %s..%s %s", granularity, from, to, platforms).isEqualTo(expected);
        assertThat(expected.values()).anyMatch(n -> n > 0);
    }
}
