package io.m365insights.sync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both kinds of load: one COPY per batch (several interleaved on one connection) and one streamed COPY for all rows
 * (more rows than a batch, so it spans several sends); a streamed load PostgreSQL refuses leaves the connection usable.
 */
@QuarkusTest
class CopyInTest {
    private static final int ROWS = 12_345; // more than two batches of 5,000

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aStreamedLoadStoresEveryRowOnceItIsClosed() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            table(c, "copy_in_streamed");
            long sum = 0;
            try (CopyIn copy = CopyIn.streaming(c, "copy_in_streamed", "n", "name", "day", "flag")) {
                for (int i = 0; i < ROWS; i++) {
                    copy.row(i, i % 7 == 0 ? null : "name, \"" + i + "\"", LocalDate.of(2026, 12, 31).minusDays(i % 400),
                            i % 2 == 0);
                    sum += i;
                }
                assertThat(copy.rows()).isEqualTo(ROWS);
            }
            assertThat(query(c, "select count(*) from copy_in_streamed")).isEqualTo(ROWS);
            assertThat(query(c, "select sum(n) from copy_in_streamed")).isEqualTo(sum);
            assertThat(query(c, "select count(*) from copy_in_streamed where name is null")).isEqualTo((ROWS + 6) / 7);
            assertThat(query(c, "select count(*) from copy_in_streamed where name = 'name, \"12\"' and day = '2026-12-19' "
                    + "and flag")).isEqualTo(1);
        }
    }

    @Test
    void batchedLoadsOfTwoTablesMayBeInterleavedOnOneConnection() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            table(c, "copy_in_a");
            table(c, "copy_in_b");
            try (CopyIn a = CopyIn.into(c, "copy_in_a", "n"); CopyIn b = CopyIn.into(c, "copy_in_b", "n")) {
                for (int i = 0; i < ROWS; i++) {
                    a.row(i);
                    b.row(-i);
                }
            }
            assertThat(query(c, "select count(*) from copy_in_a")).isEqualTo(ROWS);
            assertThat(query(c, "select count(*) from copy_in_b where n <= 0")).isEqualTo(ROWS);
        }
    }

    @Test
    void aStreamedLoadThatPostgresqlRefusesFailsAndLeavesTheConnectionUsable() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            table(c, "copy_in_refused");
            assertThatThrownBy(() -> {
                try (CopyIn copy = CopyIn.streaming(c, "copy_in_refused", "n", "day")) {
                    for (int i = 0; i < ROWS; i++) {
                        copy.row(i, i == 7_000 ? "not a date" : LocalDate.of(2026, 1, 1));
                    }
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("not a date");
            assertThat(query(c, "select count(*) from copy_in_refused")).isZero(); // the COPY stored nothing
        }
    }

    private static void table(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table if not exists " + name + " (n bigint not null, name text, day date, flag boolean)");
            s.execute("truncate " + name);
        }
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
