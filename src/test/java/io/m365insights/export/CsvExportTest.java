package io.m365insights.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /export/users.csv and /export/usage.csv: what a spreadsheet would import, with the API's access rules. */
@QuarkusTest
class CsvExportTest {
    /** A comma, double quotes, a line break and letters beyond ASCII: each must survive a round trip. */
    static final String AWKWARD_NAME = "Zoë \"Z\" O'Brien, Jr.\nÅsa-Ōno";
    private static boolean synced;
    private static String awkwardId;

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestDatabase db;

    private String reader;

    @BeforeEach
    void syncedOnce() {
        SimulatorClient simulator = SimulatorClient.current();
        if (!synced) {
            TestClock.setOffsetDays(0);
            simulator.reset();
            awkwardId = simulator.users(u -> u.path("accountEnabled").asBoolean()).get(3).get("id").asText();
            simulator.patchUser(awkwardId, Map.of("displayName", AWKWARD_NAME));
            Syncs.syncNow();
            synced = true;
        }
        reader = simulator.apiToken("bi.reader@contoso.com", Roles.READER);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    @Test
    void usersCsvHasTheViewsColumnsAndOneRowPerUser() throws IOException {
        HttpGet.Reply r = HttpGet.get(root, "export/users.csv", Map.of(), reader, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/csv; charset=utf-8; header=present");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"users.csv\"");
        assertThat(r.header("Content-Length")).as("streamed, not buffered to learn its length").isNull();
        assertThat(r.body()).contains("\r\n"); // RFC 4180 line ends
        List<CSVRecord> rows = parse(r.body());
        List<String> viewColumns = db.rows("select column_name from information_schema.columns where table_schema = "
                + "'reporting' and table_name = 'users' order by ordinal_position");
        assertThat(rows.get(0).toList()).isEqualTo(viewColumns);
        assertThat(rows).hasSize(1 + (int) db.count("select count(*) from directory_user where deleted_at is null"));
        JsonNode total = GraphQL.data("{ users { totalCount } }").at("/users/totalCount");
        assertThat(rows.size() - 1).isEqualTo(total.asInt());

        // every row has every column; ISO-8601 dates and instants; booleans true/false
        int created = viewColumns.indexOf("created_at");
        int enabled = viewColumns.indexOf("account_enabled");
        int lastActive = viewColumns.indexOf("last_activity_date");
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertThat(row.size()).isEqualTo(viewColumns.size());
            assertThat(row.get(enabled)).isIn("true", "false");
            assertThat(row.get(created)).matches("|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
            assertThat(row.get(lastActive)).matches("|\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(rows.stream().skip(1).filter(row -> !row.get(lastActive).isEmpty())).isNotEmpty();
    }

    @Test
    void quotesCommasLineBreaksAndUnicodeSurviveTheRoundTrip() throws IOException {
        HttpGet.Reply r = HttpGet.get(root, "export/users.csv", Map.of(), reader, null);
        List<CSVRecord> rows = parse(r.body());
        int id = rows.get(0).toList().indexOf("user_id");
        int name = rows.get(0).toList().indexOf("display_name");
        CSVRecord awkward = rows.stream().filter(row -> row.get(id).equals(awkwardId)).findFirst().orElseThrow();
        assertThat(awkward.get(name)).isEqualTo(AWKWARD_NAME);
        assertThat(r.body()).contains("\"Zoë \"\"Z\"\" O'Brien, Jr.\nÅsa-Ōno\"");
    }

    @Test
    void usageCsvHasAPointPerPeriodAppAndPlatform() throws IOException {
        java.time.LocalDate last = TestClock.latestReportDay();
        HttpGet.Reply r = HttpGet.get(root, "export/usage.csv", HttpGet.params("from", last.minusDays(2).toString(),
                "to", last.toString(), "granularity", "DAY"), reader, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<CSVRecord> rows = parse(r.body());
        assertThat(rows.get(0).toList()).containsExactly("day", "app", "platform", "active_users");
        assertThat(rows).hasSize(1 + 3 * 7 * 5); // 3 days x 7 apps x (any + 4 platforms)
        assertThat(rows.get(1).toList()).containsExactly(last.minusDays(2).toString(), "SUITE", "",
                rows.get(1).get(3));
        assertThat(rows.get(2).toList().subList(1, 3)).containsExactly("SUITE", "WINDOWS");
        HttpGet.Reply weekly = HttpGet.get(root, "export/usage.csv", HttpGet.params("from", last.minusDays(13).toString(),
                "to", last.toString(), "granularity", "week"), reader, null);
        assertThat(parse(weekly.body()).get(0).get(0)).isEqualTo("week_start");
    }

    @Test
    void badParametersAre400WithAClearMessage() {
        Map<Map<String, String>, String> cases = Map.of(
                HttpGet.params("to", "2026-12-31"), "from is required",
                HttpGet.params("from", "2026-12-01", "to", "31/12/2026"), "to must be an ISO-8601 day",
                HttpGet.params("from", "2026-12-31", "to", "2026-12-01"), "must not be before from",
                HttpGet.params("from", "2026-12-01", "to", "2026-12-31", "granularity", "HOUR"), "granularity must be DAY, WEEK or MONTH",
                HttpGet.params("from", "2020-01-01", "to", "2026-12-31"), "at most 1098 days",
                HttpGet.params("from", "2026-12-01", "to", "2026-12-31", "app", "TEAMS"), "unknown parameter app");
        cases.forEach((params, message) -> {
            HttpGet.Reply r = HttpGet.get(root, "export/usage.csv", params, reader, null);
            assertThat(r.status()).as("%s", params).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.body()).as("%s", params).contains(message);
        });
        HttpGet.Reply users = HttpGet.get(root, "export/users.csv", HttpGet.params("includeDeleted", "maybe"), reader, null);
        assertThat(users.status()).isEqualTo(400);
        assertThat(users.body()).contains("includeDeleted must be true or false");
    }

    @Test
    void theSameAccessAsTheApi() {
        assertThat(HttpGet.get(root, "export/users.csv", Map.of(), null, null).status()).isEqualTo(401);
        assertThat(HttpGet.get(root, "export/users.csv", Map.of(), "not-a-jwt", null).status()).isEqualTo(401);
        HttpGet.Reply noRole = HttpGet.get(root, "export/users.csv", Map.of(),
                SimulatorClient.current().apiToken("no.role@contoso.com"), null);
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.body()).contains(Roles.READER);
        assertThat(HttpGet.get(root, "export/users.csv", Map.of(), GraphQL.adminToken(), null).status()).isEqualTo(200);
        for (String export : List.of("export/idle-seats.csv", "export/savings.csv")) {
            assertThat(HttpGet.get(root, export, Map.of(), null, null).status()).as(export).isEqualTo(401);
            assertThat(HttpGet.get(root, export, Map.of(), SimulatorClient.current().apiToken("no.role@contoso.com"),
                    null).status()).as(export).isEqualTo(403);
        }
    }

    @Test
    void deletedUsersOnlyWhenAsked() throws IOException {
        long all = db.count("select count(*) from directory_user");
        HttpGet.Reply r = HttpGet.get(root, "export/users.csv", HttpGet.params("includeDeleted", "true"), reader, null);
        assertThat(parse(r.body())).hasSize(1 + (int) all);
    }
}
