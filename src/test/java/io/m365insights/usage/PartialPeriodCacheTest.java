package io.m365insights.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.m365insights.testsupport.CountingDriver;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A week cut by the range is counted from the ledger once per data version: asked again, it comes from the cache with
 * the same answer; once a sync stores a day, it is counted again.
 */
@QuarkusTest
class PartialPeriodCacheTest {
    private static final String SERIES = "query($from: Date!, $to: Date!) { usage(from: $from, to: $to, "
            + "granularity: WEEK, platforms: [WINDOWS, WEB]) { periodStart app platform activeUsers } }";

    @Inject
    TestDatabase db;

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        SimulatorClient.current().reset();
        db.clearUsage();
        Syncs.syncNow();
    }

    @AfterEach
    void clock() {
        TestClock.setOffsetDays(0);
    }

    @Test
    void aCutWeekIsCountedOncePerDataVersion() {
        LocalDate last = LocalDate.parse(GraphQL.data("{ syncStatus { usage { lastDay } } }")
                .at("/syncStatus/usage/lastDay").asText());
        // from a Wednesday: the first week is cut, so it is counted from the ledger
        LocalDate from = last.minusDays(20);
        while (from.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
            from = from.minusDays(1);
        }
        Map<String, Object> range = Map.of("from", from.toString(), "to", last.toString());

        Counted first = series(range);
        Counted again = series(range);
        assertThat(again.data()).isEqualTo(first.data());
        assertThat(again.statements()).as("the cut weeks come from the cache").isEqualTo(first.statements() - 1);

        TestClock.setOffsetDays(1); // a new report day appears: the next sync stores it
        Syncs.syncNow();
        Counted afterSync = series(range);
        assertThat(afterSync.statements()).as("counted again at the new data version").isEqualTo(first.statements());
        assertThat(afterSync.data()).isEqualTo(first.data()); // the same days: the same counts
    }

    private record Counted(JsonNode data, long statements) {
    }

    private Counted series(Map<String, Object> range) {
        long before = CountingDriver.executed();
        JsonNode data = GraphQL.data(SERIES, range).get("usage");
        assertThat(data).isNotEmpty();
        return new Counted(data, CountingDriver.executed() - before);
    }
}
