package io.m365insights.bi;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.IdleSeatExpectations;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For a simulated tenant, every way out gives the same numbers: the usage series from GraphQL (the bi/usage-series
 * trusted document), from /export/usage.csv and from the reporting views, and all of them the counts computed
 * independently from the simulator's raw report rows (UsageExpectations); users' last activity from GraphQL, the
 * CSV export and reporting.users; idle seats (default window) from GraphQL (bi/idle-seats), /export/idle-seats.csv and
 * reporting.idle_seats, all of them the seats the raw data says are idle (IdleSeatExpectations); the savings figures
 * from GraphQL (bi/savings), /export/savings.csv and reporting.savings.
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
            db.clearActivity();
            Syncs.syncNow();
            UsageExpectations expectations = new UsageExpectations();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                expectations.addDay(simulator.usage(d));
            }
            raw = expectations;
        }
        reader = simulator.apiToken("analyst@contoso.com", Roles.READER);
    }

    private static final String[] SEAT_COLUMNS = {"sku_id", "user_id", "last_active_date", "assigned_since",
            "assigned_since_is_upper_bound", "decided_by", "review_only", "evidence"};
    private static final String[] SAVINGS_COLUMNS = {"currency", "reassignable_now", "idle_seats",
            "reducible_at_renewal", "unassigned_seats", "next_renewal_at", "exposure", "review_only"};

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

    private List<String> viewColumns(String view) {
        return db.rows("select column_name from information_schema.columns where table_schema = 'reporting' "
                + "and table_name = '" + view + "' order by ordinal_position");
    }

    private List<CSVRecord> csvRows(String path, Map<String, String> params, String view) throws IOException {
        HttpGet.Reply r = HttpGet.get(root, path, params, reader, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        try (CSVParser p = CSVParser.parse(new StringReader(r.body()), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).as("the columns of reporting.%s", view).isEqualTo(viewColumns(view));
            return p.getRecords();
        }
    }

    private static String join(List<String> values) {
        return String.join("|", values);
    }

    /** Every idle seat of every license, from bi/idle-seats by GET with the default window, page by page. */
    private Set<String> idleSeatsFromGraphql() {
        Set<String> seats = new TreeSet<>();
        HttpGet.Reply licenses = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/license-seats"), reader,
                "*/*");
        assertThat(licenses.json().has("errors")).as(licenses.body()).isFalse();
        for (JsonNode license : licenses.json().at("/data/licenses")) {
            String sku = license.get("skuId").asText();
            String after = null;
            int count = 0;
            do {
                HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/idle-seats",
                        "variables", "{\"skuId\":\"" + sku + "\",\"first\":50,\"after\":"
                                + (after == null ? "null" : "\"" + after + "\"") + "}"), reader, "*/*");
                assertThat(r.json().has("errors")).as(r.body()).isFalse();
                JsonNode l = r.json().at("/data/license");
                assertThat(l.get("skuId").asText()).isEqualTo(sku);
                JsonNode page = l.get("idleSeats");
                for (JsonNode seat : page.get("nodes")) {
                    List<String> evidence = new ArrayList<>();
                    seat.get("evidence").forEach(e -> evidence.add(e.get("signal").asText() + "="
                            + (!e.get("available").asBoolean() ? "unavailable" : e.get("lastActiveDate").isNull()
                            ? "never" : e.get("lastActiveDate").asText())));
                    List<String> decidedBy = new ArrayList<>();
                    seat.get("decidedBy").forEach(d -> decidedBy.add(d.asText()));
                    seats.add(join(List.of(sku, seat.at("/user/id").asText(), seat.get("lastActiveDate").asText(""),
                            seat.get("assignedSince").asText(""), seat.get("assignedSinceIsUpperBound").asText(),
                            String.join(";", decidedBy), seat.get("reviewOnly").asText(), String.join(";", evidence))));
                    count++;
                }
                assertThat(page.get("totalCount").asInt()).isEqualTo(l.get("idleCount").asInt());
                after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asText() : null;
            } while (after != null);
            assertThat(count).as("idleCount of %s", sku).isEqualTo(idleCountAlone(sku));
        }
        return seats;
    }

    /** idleCount with the default window, asked on its own (no idleSeats beside it). */
    private int idleCountAlone(String sku) {
        HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("query", "query($s: ID!) { license(skuId: $s) "
                + "{ idleCount } }", "variables", "{\"s\":\"" + sku + "\"}"), reader, "*/*");
        return r.json().at("/data/license/idleCount").asInt();
    }

    @Test
    void idleSeatsAreTheSameEverywhereAndTheOnesTheRawDataSays() throws IOException {
        Set<String> fromGraphql = idleSeatsFromGraphql();

        Set<String> fromCsv = new TreeSet<>();
        for (CSVRecord row : csvRows("export/idle-seats.csv", Map.of(), "idle_seats")) {
            List<String> values = new ArrayList<>();
            for (String c : SEAT_COLUMNS) {
                values.add(row.get(c));
            }
            assertThat(row.get("days")).isEqualTo("30");
            assertThat(row.get("user_principal_name")).contains("@");
            fromCsv.add(join(values));
        }

        Set<String> fromView = new TreeSet<>();
        db.rows("select " + String.join(", ", Arrays.stream(SEAT_COLUMNS).map(c -> "coalesce(" + c + "::text, '')")
                .toList()) + " from reporting.idle_seats").forEach(fromView::add);
        assertThat(db.rows("select distinct days from reporting.idle_seats")).containsExactly("30");
        assertThat(db.count("select count(*) from reporting.idle_seats where decided_at is null or user_principal_name "
                + "is null or sku_part_number is null")).isZero();

        assertThat(fromCsv).isEqualTo(fromGraphql).isEqualTo(fromView).isNotEmpty();

        // and they are the seats the raw data says are idle, SKU by SKU
        IdleSeatExpectations oracle = new IdleSeatExpectations(SimulatorClient.current(), TestClock.today());
        Map<String, Set<String>> bySku = new TreeMap<>();
        fromView.forEach(row -> bySku.computeIfAbsent(row.substring(0, row.indexOf('|')), k -> new TreeSet<>())
                .add(row.split("\\|")[1]));
        Set<String> tenantSkus = new TreeSet<>();
        for (JsonNode sku : oracle.tenant().get("skus")) {
            String id = sku.get("skuId").asText();
            assertThat(bySku.getOrDefault(id, Set.of())).as(sku.get("skuPartNumber").asText())
                    .isEqualTo(oracle.expectedIdle(id, 30, true));
            tenantSkus.add(id);
        }
        assertThat(tenantSkus).containsAll(bySku.keySet());
    }

    private static String amount(String value) {
        return value.isEmpty() ? "" : new BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    private static String instant(String value) {
        return value.isEmpty() ? "" : OffsetDateTime.parse(value.replace(' ', 'T').replaceAll("\\+00$", "Z"))
                .toInstant().toString();
    }

    /** One currency's figures in one form: amounts without trailing zeros, instants in UTC. */
    private static String figures(String currency, String reassignable, String idle, String reducible,
                                  String unassigned, String renewal, String exposure, String review) {
        return join(List.of(currency, amount(reassignable), idle, amount(reducible), unassigned, instant(renewal),
                amount(exposure), review));
    }

    @Test
    void savingsAreTheSameEverywhere() throws IOException {
        HttpGet.Reply r = HttpGet.get(root, "graphql", HttpGet.params("documentId", "bi/savings"), reader, "*/*");
        assertThat(r.json().has("errors")).as(r.body()).isFalse();
        Set<String> fromGraphql = new TreeSet<>();
        Map<String, Set<String>> pricedSkus = new TreeMap<>();
        for (JsonNode s : r.json().at("/data/savings")) {
            fromGraphql.add(figures(s.get("currency").asText(), s.at("/reassignableNow/amount").asText(),
                    s.get("idleSeats").asText(), s.at("/reducibleAtRenewal/amount").asText(),
                    s.get("unassignedSeats").asText(), s.get("nextRenewalAt").asText(""),
                    s.at("/exposure/amount").asText(), s.get("reviewOnly").asText()));
            s.get("licenses").forEach(l -> pricedSkus.computeIfAbsent(s.get("currency").asText(), k -> new TreeSet<>())
                    .add(l.at("/license/skuId").asText()));
        }
        Set<String> fromCsv = new TreeSet<>();
        for (CSVRecord row : csvRows("export/savings.csv", Map.of(), "savings")) {
            String[] v = Arrays.stream(SAVINGS_COLUMNS).map(row::get).toArray(String[]::new);
            fromCsv.add(figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        }
        Set<String> fromView = new TreeSet<>();
        for (String row : db.rows("select " + String.join(", ", Arrays.stream(SAVINGS_COLUMNS)
                .map(c -> "coalesce(" + c + "::text, '')").toList()) + " from reporting.savings")) {
            String[] v = row.split("\\|", -1);
            fromView.add(figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        }
        assertThat(fromCsv).isEqualTo(fromGraphql).isEqualTo(fromView).as("the test profile prices SPE_E3 and SPE_E5")
                .isNotEmpty();
        // the idle seats they count are reporting.idle_seats' seats of the licenses priced in that currency
        for (String row : db.rows("select currency, idle_seats from reporting.savings")) {
            String[] v = row.split("\\|");
            assertThat(db.count("select count(*) from reporting.idle_seats where sku_id::text = any (string_to_array('"
                    + String.join(",", pricedSkus.get(v[0])) + "', ','))")).as(v[0]).isEqualTo(Long.parseLong(v[1]));
        }
    }
}
