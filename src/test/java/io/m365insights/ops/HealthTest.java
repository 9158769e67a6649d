package io.m365insights.ops;

import io.agroal.api.AgroalDataSource;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes Kubernetes uses and the wellness check monitoring reads, against the real database: readiness follows
 * the schema; stale data is reported without failing liveness or readiness.
 */
@QuarkusTest
class HealthTest {
    /** {@code <management interface>/q/health}. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void syncFresh() {
        SimulatorClient.current().reset();
        Syncs.syncNow();
    }

    @Test
    void readyWhenTheSchemaIsAtTheLatestMigration() {
        Response ready = RestAssured.get(health + "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        Map<String, Object> schema = check(ready.jsonPath(), SchemaMigratedCheck.NAME);
        assertThat(schema).containsEntry("status", "UP");
        assertThat(data(schema)).containsEntry("version", data(schema).get("latest")).containsEntry("pending", 0);
        assertThat(check(ready.jsonPath(), "Database connections health check")).containsEntry("status", "UP");
    }

    @Test
    void notReadyWhileAMigrationIsPending() throws SQLException {
        List<Object> row = removeLatestMigrationRecord();
        try {
            Response ready = RestAssured.get(health + "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            Map<String, Object> schema = check(ready.jsonPath(), SchemaMigratedCheck.NAME);
            assertThat(schema).containsEntry("status", "DOWN");
            assertThat(data(schema)).containsEntry("pending", 1);
            assertThat(RestAssured.get(health + "/live").statusCode()).as("alive all the same").isEqualTo(200);
        } finally {
            restore(row);
        }
        assertThat(RestAssured.get(health + "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void notReadyWhenAnOlderMigrationWasNeverApplied() throws SQLException {
        // a database migrated past a version that reached main later (V6 before V3 and V4 once did): Flyway calls
        // the older one ignored, not pending
        List<Object> row = removeMigrationRecord("where version = '4'");
        try {
            Response ready = RestAssured.get(health + "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            Map<String, Object> schema = check(ready.jsonPath(), SchemaMigratedCheck.NAME);
            assertThat(schema).containsEntry("status", "DOWN");
            assertThat(data(schema)).containsEntry("pending", 0).containsEntry("ignored", "4");
        } finally {
            restore(row);
        }
        assertThat(RestAssured.get(health + "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void freshDataIsWell() {
        Response well = RestAssured.get(health + "/well");
        assertThat(well.statusCode()).isEqualTo(200);
        Map<String, Object> freshness = check(well.jsonPath(), DataFreshnessCheck.NAME);
        assertThat(freshness).containsEntry("status", "UP");
        assertThat(data(freshness)).containsKeys("licenses.lastSucceeded", "users.lastSucceeded")
                .containsEntry("maxAge", "PT3H");
    }

    @Test
    void staleDataIsReportedButNeitherKillsNorUnreadiesThePod() throws SQLException {
        // every recorded run happened a day earlier (kept consistent: the run history stays in order)
        int shifted = update("update sync_run_part set started_at = started_at - interval '1 day', "
                + "finished_at = finished_at - interval '1 day'");
        update("update sync_run set started_at = started_at - interval '1 day', "
                + "finished_at = finished_at - interval '1 day'");
        assertThat(shifted).isPositive();

        Response well = RestAssured.get(health + "/well");
        assertThat(well.statusCode()).isEqualTo(503);
        Map<String, Object> freshness = check(well.jsonPath(), DataFreshnessCheck.NAME);
        assertThat(freshness).containsEntry("status", "DOWN");
        assertThat(data(freshness).get("stale").toString().split(",")).contains("licenses", "users");
        assertThat(RestAssured.get(health + "/live").statusCode()).isEqualTo(200);
        assertThat(RestAssured.get(health + "/ready").statusCode()).isEqualTo(200);
        assertThat(RestAssured.get(health + "/started").statusCode()).isEqualTo(200);

        Syncs.syncNow();
        assertThat(RestAssured.get(health + "/well").statusCode()).as("a successful sync makes it fresh").isEqualTo(200);
    }

    private static Map<String, Object> check(JsonPath health, String name) {
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }

    private int update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** Deletes the schema history row of the newest migration, returning it (every column) to put it back. */
    private List<Object> removeLatestMigrationRecord() throws SQLException {
        return removeMigrationRecord("order by installed_rank desc limit 1");
    }

    /** The history row chosen by {@code choice} (a where/order clause), removed. */
    private List<Object> removeMigrationRecord(String choice) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from flyway_schema_history " + choice)) {
            assertThat(rs.next()).isTrue();
            List<Object> row = new ArrayList<>();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            s.executeUpdate("delete from flyway_schema_history where installed_rank = " + row.get(0));
            return row;
        }
    }

    private void restore(List<Object> row) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into flyway_schema_history values (" + marks + ")")) {
            for (int i = 0; i < row.size(); i++) {
                ps.setObject(i + 1, row.get(i));
            }
            ps.executeUpdate();
        }
    }
}
