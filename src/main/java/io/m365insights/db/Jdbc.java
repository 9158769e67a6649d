package io.m365insights.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way our code speaks plain JDBC (for the work Hibernate is not for: bulk writes, the sync's staging, reads
 * on threads without a request): borrow a connection, run a statement with positional parameters, read its rows,
 * run several statements as one transaction. Parameters are bound with {@code setObject} (the driver maps
 * {@code LocalDate}, {@code OffsetDateTime}, {@code UUID}...), so values are never concatenated into SQL; a
 * {@code UUID[]}, {@code String[]} or {@code LocalDate[]} is bound as a PostgreSQL array (for {@code = any (?)}).
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Work on a connection that returns nothing. */
    @FunctionalInterface
    public interface VoidWork {
        void run(Connection c) throws SQLException;
    }

    /** Statements run as one transaction. */
    @FunctionalInterface
    public interface Transaction<T> {
        T run() throws SQLException;
    }

    /** Reads one row (the result set is positioned on it). */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection of {@code dataSource} (joining the current JTA transaction, if any, as Agroal
     * does); a database failure becomes an {@link IllegalStateException} "Could not {@code what}: ...".
     */
    public static <T> T withConnection(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    public static void useConnection(DataSource dataSource, String what, VoidWork work) {
        withConnection(dataSource, what, c -> {
            work.run(c);
            return null;
        });
    }

    /**
     * Runs {@code work} as one transaction on {@code c} (a connection in autocommit mode, outside JTA): committed when
     * it returns, rolled back when it throws; autocommit is on again afterwards either way.
     */
    public static <T> T inTransaction(Connection c, Transaction<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The rows of a query, each read by {@code row}. */
    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        }
    }

    /** The single row of a query that always returns one (an aggregate, {@code exists}, {@code returning}). */
    public static <T> T queryOne(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(c, sql, row, params);
        if (rows.size() != 1) {
            throw new SQLException("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** What an upsert did: rows inserted, and rows updated because they differed. */
    public record Upserted(int created, int updated) {
    }

    /**
     * Runs {@code sql}, an {@code insert ... on conflict do update ... where (...) is distinct from (...) returning
     * (xmax = 0)}, once per item with the parameters {@code params} gives it, and counts what it did: PostgreSQL's
     * {@code xmax} is 0 on a row the statement inserted; a row the conflict clause left as it was returns nothing.
     */
    public static <T> Upserted upsertEach(Connection c, String sql, Iterable<T> items,
                                          Function<T, Object[]> params) throws SQLException {
        int created = 0;
        int updated = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                bind(c, ps, params.apply(item));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getBoolean(1)) {
                            created++;
                        } else {
                            updated++;
                        }
                    }
                }
            }
        }
        return new Upserted(created, updated);
    }

    /** Runs one insert, update or delete for each row of parameters, as one JDBC batch. */
    public static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(c, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Runs a statement without parameters (DDL, {@code truncate}, {@code analyze}). */
    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(c, ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof UUID[] uuids) {
                ps.setArray(i + 1, c.createArrayOf("uuid", uuids));
            } else if (p instanceof String[] texts) {
                ps.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (p instanceof LocalDate[] days) {
                ps.setArray(i + 1, c.createArrayOf("date", Arrays.stream(days).map(Date::valueOf).toArray()));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
