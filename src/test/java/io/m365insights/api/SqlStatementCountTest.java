package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.CountingDriver;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.Tenant42;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested fields are batched: the SQL statements of a page do not grow with the page size (no N+1). Statements are
 * counted at the JDBC driver ({@link CountingDriver}), so Hibernate's, the native queries and our plain JDBC all count.
 */
@QuarkusTest
class SqlStatementCountTest {
    private static final String QUERY = "query($n: Int) { users(first: $n) { nodes { licenses { license { skuPartNumber } } } } }";

    @BeforeEach
    void synced() {
        SimulatorClient.current().reset();
        Syncs.syncNow();
    }

    @Test
    void usersWithLicensesTakeTheSameNumberOfStatementsForAnyPageSize() {
        long small = statements(QUERY, 5);
        long large = statements(QUERY, 200);
        long largest = statements(QUERY, 500);
        assertThat(small).isEqualTo(large).isEqualTo(largest);
        // the page, every user's licenses with their SKUs; not their seat history: assignedSince is not asked
        assertThat(large).isLessThanOrEqualTo(2);
    }

    @Test
    void theSeatHistoryOfAPagesLicensesIsOneStatementAndOnlyWhenAsked() {
        String query = "query($n: Int) { users(first: $n) { nodes { licenses { assignedSince license { skuId } } } } }";
        long small = statements(query, 5);
        long large = statements(query, 200);
        long largest = statements(query, 500);
        assertThat(small).isEqualTo(large).isEqualTo(largest);
        // one statement more than the page with its licenses: the seat history of all of the page's assignments
        assertThat(large).isEqualTo(statements(QUERY, 200) + 1);
        // the same through the engine (__typename is never planned: api.planned.QueryPlan), batched alike
        String engine = query.replace("assignedSince", "__typename assignedSince");
        assertThat(statements(engine, 5)).isEqualTo(statements(engine, 200)).isEqualTo(large);
    }

    @Test
    void licensesWithServicePlansAndAssignedUsersCountStayConstant() {
        long statements = statements("{ licenses { skuPartNumber servicePlans { servicePlanName } } }", 0);
        assertThat(statements).isLessThanOrEqualTo(2);
    }

    @Test
    void usersWithLastActivityTakeTheSameNumberOfStatementsForAnyPageSize() {
        String query = "query($n: Int) { users(first: $n) { nodes { licenses { license { skuPartNumber } } "
                + "lastActivityDate } } }";
        long small = statements(query, 5);
        long large = statements(query, 200);
        long largest = statements(query, 500);
        assertThat(small).isEqualTo(large).isEqualTo(largest);
        // the page, licenses with SKUs, the latest day, the page's activity
        assertThat(large).isLessThanOrEqualTo(4);
    }

    @Test
    void licensesWithInactiveCountsTakeAFixedNumberOfStatements() {
        long statements = statements("{ licenses { skuPartNumber inactiveCount(days: 30) } }", 0);
        assertThat(statements).isLessThanOrEqualTo(3); // the SKUs, the latest day, the counts of every SKU at once
    }

    @Test
    void idleSeatsWithTheirUsersAndEvidenceTakeTheSameNumberOfStatementsForAnyPageSize() {
        String query = "query($n: Int) { license(skuId: \"05e9a617-0261-4cee-bb44-138d3ef5d965\") { idleCount "
                + "idleSeats(first: $n) { totalCount nodes { user { id licenses { license { skuPartNumber } } } "
                + "lastActiveDate assignedSince evidence { signal lastActiveDate available } } } } }";
        long small = idleStatements(query, 2);
        long large = idleStatements(query, 40);
        assertThat(small).isEqualTo(large);
        // the SKU; per field (idleCount, idleSeats): plans, availability, holders with signals; the page's users and
        // their licenses (not their seat history: the users' licenses are not asked for assignedSince)
        assertThat(large).isLessThanOrEqualTo(10);
    }

    @Test
    void recommendationsWithTheirUsersAndLicensesTakeTheSameNumberOfStatementsForAnyPageSize() {
        String query = "query($n: Int) { recommendations(first: $n) { totalCount nodes { kind user { id "
                + "userPrincipalName } license { skuPartNumber } target { skuPartNumber } monthlySaving { amount } } } }";
        long small = recommendationStatements(query, 2);
        long large = recommendationStatements(query, 40);
        assertThat(small).isEqualTo(large);
        // SKUs, plans, prices, assignments; idle seats (plans, availability, holders); the usage window (days held,
        // concealed days, the holders' platform days); subscriptions; the page's users and licenses
        assertThat(large).isLessThanOrEqualTo(14);
    }

    private long recommendationStatements(String query, int n) {
        long before = CountingDriver.executed();
        JsonNode data = GraphQL.data(query, Map.of("n", n));
        assertThat(data.at("/recommendations/nodes")).hasSize(n);
        return CountingDriver.executed() - before;
    }

    @Test
    void usersWithEverySignalAndCopilotTakeTheSameNumberOfStatementsForAnyPageSize() {
        String query = "query($n: Int) { users(first: $n) { nodes { activity { lastActiveDate signals { signal "
                + "available } } copilot { lastActiveDate apps { app lastActiveDate } } } } }";
        long small = statements(query, 5);
        long large = statements(query, 200);
        assertThat(small).isEqualTo(large);
        assertThat(large).isLessThanOrEqualTo(5); // the page; signals + availability; Copilot holders + availability
    }

    private long idleStatements(String query, int n) {
        long before = CountingDriver.executed();
        JsonNode data = GraphQL.data(query, Map.of("n", n));
        assertThat(data.at("/license/idleSeats/nodes")).hasSize(n);
        return CountingDriver.executed() - before;
    }

    @Test
    void aLongerUsageSeriesTakesNoMoreStatements() {
        String query = "query($from: Date!, $to: Date!) { usage(from: $from, to: $to, granularity: WEEK, "
                + "platforms: [WINDOWS, WEB]) { periodStart activeUsers } }";
        String latest = GraphQL.data("{ syncStatus { usage { lastDay } } }", Map.of())
                .at("/syncStatus/usage/lastDay").asText();
        // Both ranges end on a Wednesday and start on a Tuesday, whatever the day: each is cut at both ends (a cut week
        // at either end comes from the ledger, the whole weeks between from the pre-aggregates: 3 statements at most),
        // and they are cut alike. Their cut weeks differ, so neither finds the other's in the cache
        // (usage.PartialPeriodCache). Chosen by weekday, not by today's date, which once made this fail on the days a
        // range ended on a Sunday (one cut week instead of two).
        LocalDate to = TestClock.onOrBefore(LocalDate.parse(latest), DayOfWeek.WEDNESDAY);
        LocalDate from = to.minusDays(22);
        LocalDate longerTo = to.minusDays(7);
        LocalDate longerFrom = longerTo.minusDays(7 * 11 + 1);
        assertThat(List.of(from, longerFrom)).allMatch(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY);
        long fourWeeks = usageStatements(query, from, to);
        long twelveWeeks = usageStatements(query, longerFrom, longerTo);
        assertThat(fourWeeks).isEqualTo(twelveWeeks).isLessThanOrEqualTo(3);
    }

    @Test
    void auditEventsWithTheirUserAndLicenseTakeTheSameNumberOfStatementsForAnyPageSize() {
        for (JsonNode u : GraphQL.data("{ users(first: 8) { nodes { id } } }").at("/users/nodes")) {
            GraphQL.data("mutation($u: ID!) { unassignLicense(input: {userId: $u, skuId: \"" + Tenant42.SPE_E3
                    + "\", dryRun: true}) { dryRun } }", Map.of("u", u.get("id").asText()));
        }
        String query = "query($n: Int) { auditEvents(first: $n, filter: {actions: [UNASSIGN_LICENSE]}) { nodes { "
                + "user { userPrincipalName } license { skuPartNumber } } } }";
        long one = statements(query, 1, "/auditEvents/nodes");
        long eight = statements(query, 8, "/auditEvents/nodes");
        assertThat(one).isEqualTo(eight).isLessThanOrEqualTo(3); // the page, its users, its licenses
    }

    @Test
    void planItemsWithTheirUserAndLicenseTakeTheSameNumberOfStatementsForAnyPageSize() {
        String query = "query($n: Int) { offboardingPlan { items(first: $n) { totalCount nodes { "
                + "user { userPrincipalName } license { skuPartNumber } } } } }";
        long one = statements(query, 1, "/offboardingPlan/items/nodes");
        long three = statements(query, 3, "/offboardingPlan/items/nodes");
        // the plan, its counts by action and by status, the page, totalCount, its users, its licenses
        assertThat(one).isEqualTo(three).isLessThanOrEqualTo(7);
    }

    @Test
    void plainJdbcReadsAreCountedToo() {
        long before = CountingDriver.executed();
        GraphQL.data("{ offboardingPlan { mode removals done } }");
        // read with plain JDBC (OffboardingPlanQueries): the plan, its counts by action and by status
        assertThat(CountingDriver.executed() - before).isEqualTo(3);
    }

    private long statements(String query, int n, String nodes) {
        long before = CountingDriver.executed();
        JsonNode data = GraphQL.data(query, Map.of("n", n));
        assertThat(data.at(nodes)).hasSize(n);
        return CountingDriver.executed() - before;
    }

    private long usageStatements(String query, LocalDate from, LocalDate to) {
        long before = CountingDriver.executed();
        JsonNode data = GraphQL.data(query, Map.of("from", from.toString(), "to", to.toString()));
        assertThat(data.get("usage")).isNotEmpty();
        return CountingDriver.executed() - before;
    }

    private long statements(String query, int n) {
        long before = CountingDriver.executed();
        JsonNode data = GraphQL.data(query, Map.of("n", n));
        assertThat(data).isNotNull();
        if (n > 0) {
            assertThat(data.get("users").get("nodes")).hasSize(n);
        }
        long count = CountingDriver.executed() - before;
        // in the test's output, to see which statements a failing count is made of
        System.out.println("SQL statements of " + query + " (first " + n + "): " + CountingDriver.recent((int) count));
        return count;
    }
}
