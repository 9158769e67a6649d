package io.m365insights.export;

import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.IdleSeatExpectations;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /export/idle-seats.csv: one row per idle seat, the same seats the simulator's raw data says are idle
 * (IdleSeatExpectations), for a suite SKU and the Copilot SKU, with each seat's evidence; bad parameters (of it and of
 * /export/savings.csv) are a 400.
 */
@QuarkusTest
class IdleSeatsCsvTest {
    private static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static final String COPILOT = "639dec6b-bb19-468b-871c-c5c441c4b0cb";

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestDatabase db;

    private final SimulatorClient simulator = SimulatorClient.current();
    private String reader;

    @BeforeEach
    void synced() {
        TestClock.setOffsetDays(0);
        simulator.reset();
        db.clearUsage();
        db.clearActivity();
        Syncs.syncNow();
        reader = simulator.apiToken("bi.reader@contoso.com", Roles.READER);
    }

    @Test
    void theIdleSeatsOfASkuAreTheOnesTheRawDataSaysWithTheirEvidence() throws Exception {
        IdleSeatExpectations oracle = new IdleSeatExpectations(simulator, TestClock.today());
        for (String sku : List.of(E3, COPILOT)) {
            HttpGet.Reply r = HttpGet.get(root, "export/idle-seats.csv", Map.of("skuId", sku, "days", "30"), reader, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<CSVRecord> rows = CsvExportTest.parse(r.body());
            assertThat(rows.get(0).toList()).isEqualTo(IdleSeatsExport.COLUMNS);
            Set<String> users = new TreeSet<>();
            for (CSVRecord row : rows.subList(1, rows.size())) {
                assertThat(row.get(0)).isEqualTo(sku);
                users.add(row.get(2));
                assertThat(row.get(3)).as("the user principal name").contains("@");
                for (String signal : oracle.rule(sku)) {
                    assertThat(row.get(10)).as("evidence of %s", signal).contains(signal + "=");
                }
            }
            assertThat(users).as(sku).isEqualTo(oracle.expectedIdle(sku, 30, true)).isNotEmpty();
        }
    }

    @Test
    void badParametersAreA400() throws Exception {
        assertThat(HttpGet.get(root, "export/idle-seats.csv", Map.of("skuId", "nope"), reader, null).status())
                .isEqualTo(400);
        HttpGet.Reply days = HttpGet.get(root, "export/idle-seats.csv", Map.of("days", "0"), reader, null);
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.body()).contains("days must be between 1 and");
        assertThat(HttpGet.get(root, "export/idle-seats.csv", Map.of("nope", "1"), reader, null).status())
                .isEqualTo(400);
        HttpGet.Reply savingsDays = HttpGet.get(root, "export/savings.csv", Map.of("days", "x"), reader, null);
        assertThat(savingsDays.status()).isEqualTo(400);
        assertThat(savingsDays.body()).contains("days must be a whole number");
        assertThat(HttpGet.get(root, "export/savings.csv", Map.of("skuId", "1"), reader, null).body())
                .contains("unknown parameter skuId");
    }
}
