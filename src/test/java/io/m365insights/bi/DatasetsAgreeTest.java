package io.m365insights.bi;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.m365insights.testsupport.UsageExpectations;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For a simulated tenant, every way out gives the same numbers: the usage series from GraphQL (the bi/usage-series
 * trusted document), from /export/usage.csv and from the reporting views, and all of them the counts computed
 * independently from the simulator's raw report rows (UsageExpectations); users' last activity from GraphQL, the
 * CSV export and reporting.users.
 */
@QuarkusTest
class DatasetsAgreeTest {
    private static final List<String> APPS = List.of("SUITE", "OUTLOOK", "WORD", "EXCEL", "POWERPOINT", "ONENOTE", "TEAMS");
    private static UsageExpectations raw;

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestDatabase db;

    private String reader;
    private LocalDate first;
    private LocalDate last;

    @BeforeEach
    void syncedOnce() {
        last = TestClock.latestReportDay();
        first = last.minusDays(27);
        SimulatorClient simulator = SimulatorClient.current();
        if (raw == null) {
            TestClock.setOffsetDays(0);
            simulator.reset();
            db.clearUsage();
            Syncs.syncNow();
            UsageExpectations expectations = new UsageExpectations();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                expectations.addDay(simulator.usage(d));
            }
            raw = expectations;
        }
        reader = simulator.apiToken("analyst@contoso.com", Roles.READER);
    }

    /** "period|app|platform" (platform empty = any) -> active users. */
    private Map<String, Integer> oracle(LocalDate from, LocalDate to, String granularity) {
        Map<String, Integer> out = new TreeMap<>();
        for (String app : APPS) {
            List<String> platforms = new ArrayList<>();
            platforms.add(null);
            platforms.addAll(UsageExpectations.PLATFORMS);
            for (String p : platforms) {
                raw.expected(from, to, granularity, app, p).forEach((start, n) ->
                        out.put(start + "|" + app + "|" + (p == null ? "" : p), n));
            }
        }
        return out;
    }

    private Map<String, Integer> graphql(LocalDate from, LocalDate to, String granularity) {
        Map<String, Integer> out = new TreeMap<>();
        for (String platforms : new String[]{"", ",\"platforms\":[\"WINDOWS\",\"MAC\",\"MOBILE\",\"WEB\"]"}) {
            HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/usage-series", "variables",
                    "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"granularity\":\"" + granularity + "\"" + platforms
                            + "}"), reader, "*/*");
            assertThat(r.json().has("errors")).as(r.body()).isFalse();
            for (JsonNode p : r.json().at("/data/usage")) {
                out.put(p.get("periodStart").asText() + "|" + p.get("app").asText() + "|"
                        + (p.get("platform").isNull() ? "" : p.get("platform").asText()), p.get("activeUsers").asInt());
            }
        }
        return out;
    }

    private Map<String, Integer> csv(LocalDate from, LocalDate to, String granularity) throws IOException {
        HttpGet.Reply r = HttpGet.get(root, "export/usage.csv", HttpGet.params("from", from.toString(), "to", to.toString(),
                "granularity", granularity), reader, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Integer> out = new TreeMap<>();
        try (CSVParser p = CSVParser.parse(new StringReader(r.body()), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord row : p) {
                assertThat(out.put(row.get(0) + "|" + row.get("app") + "|" + row.get("platform"),
                        Integer.parseInt(row.get("active_users")))).as("duplicate %s", row).isNull();
            }
        }
        return out;
    }

    private Map<String, Integer> view(String view, String column, LocalDate from, LocalDate to) {
        Map<String, Integer> out = new TreeMap<>();
        for (String row : db.rows("select " + column + ", app, coalesce(platform, ''), active_users from reporting." + view
                + " where " + column + " between date '" + from + "' and date '" + to + "'")) {
            String[] c = row.split("\\|");
            out.put(c[0] + "|" + c[1] + "|" + c[2], Integer.parseInt(c[3]));
        }
        return out;
    }

    @Test
    void dailyUsageIsTheSameEverywhere() throws IOException {
        Map<String, Integer> expected = oracle(first, last, "DAY");
        assertThat(expected).hasSize(28 * 7 * 5);
        assertThat(graphql(first, last, "DAY")).isEqualTo(expected);
        assertThat(csv(first, last, "DAY")).isEqualTo(expected);
        assertThat(view("usage_daily", "day", first, last)).isEqualTo(expected);
    }

    @Test
    void wholeWeeksAndTheMonthAreTheSameEverywhere() throws IOException {
        LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        Map<String, Integer> weeks = oracle(monday, sunday, "WEEK");
        assertThat(weeks).isNotEmpty();
        assertThat(graphql(monday, sunday, "WEEK")).isEqualTo(weeks);
        assertThat(csv(monday, sunday, "WEEK")).isEqualTo(weeks);
        assertThat(view("usage_weekly", "week_start", monday, sunday.minusDays(6))).isEqualTo(weeks);

        // a month the window covers in part: the view counts its stored days, as a range over the whole month does
        LocalDate month = first.withDayOfMonth(1);
        LocalDate monthEnd = month.with(TemporalAdjusters.lastDayOfMonth());
        Map<String, Integer> months = oracle(month, monthEnd, "MONTH");
        assertThat(graphql(month, monthEnd, "MONTH")).isEqualTo(months);
        assertThat(csv(month, monthEnd, "MONTH")).isEqualTo(months);
        assertThat(view("usage_monthly", "month_start", month, month)).isEqualTo(months);
    }

    @Test
    void usersLastActivityIsTheSameEverywhere() throws IOException {
        Map<String, String> fromGraphql = new TreeMap<>();
        String after = null;
        do {
            HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/users-with-licenses",
                    "variables", "{\"first\":500,\"after\":" + (after == null ? "null" : "\"" + after + "\"") + "}"),
                    reader, "*/*");
            JsonNode users = r.json().at("/data/users");
            users.get("nodes").forEach(u -> fromGraphql.put(u.get("id").asText(), u.get("lastActivityDate").asText("")
                    + "|" + u.get("usageStatus").asText() + "|" + u.get("licenses").size()));
            after = users.at("/pageInfo/hasNextPage").asBoolean() ? users.at("/pageInfo/endCursor").asText() : null;
        } while (after != null);

        Map<String, String> fromCsv = new TreeMap<>();
        HttpGet.Reply r = HttpGet.get(root, "export/users.csv", Map.of(), reader, null);
        try (CSVParser p = CSVParser.parse(new StringReader(r.body()), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord row : p) {
                fromCsv.put(row.get("user_id"), row.get("last_activity_date") + "|" + row.get("usage_status"));
            }
        }
        Map<String, String> fromView = new TreeMap<>();
        db.rows("select user_id, coalesce(last_activity_date::text, ''), usage_status from reporting.users "
                + "where deleted_at is null").forEach(row -> {
                    String[] c = row.split("\\|", -1);
                    fromView.put(c[0], c[1] + "|" + c[2]);
                });
        Map<String, String> graphqlActivity = new TreeMap<>();
        fromGraphql.forEach((id, v) -> graphqlActivity.put(id, v.substring(0, v.lastIndexOf('|'))));
        assertThat(fromCsv).isEqualTo(fromView).isEqualTo(graphqlActivity).hasSize((int) db.count(
                "select count(*) from directory_user where deleted_at is null"));
        assertThat(fromView.values().stream().filter(v -> v.startsWith("|"))).hasSizeLessThan(fromView.size());
        // assignments: GraphQL's licenses per user = reporting.user_licenses rows per user
        Map<String, String> assignments = new TreeMap<>();
        db.rows("select u.user_id, count(l.user_id) from reporting.users u left join reporting.user_licenses l "
                + "on l.user_id = u.user_id where u.deleted_at is null group by u.user_id").forEach(row -> {
                    String[] c = row.split("\\|");
                    assignments.put(c[0], c[1]);
                });
        fromGraphql.forEach((id, v) -> assertThat(v.substring(v.lastIndexOf('|') + 1)).as(id).isEqualTo(assignments.get(id)));
    }
}
