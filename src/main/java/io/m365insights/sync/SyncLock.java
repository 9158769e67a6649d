package io.m365insights.sync;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One sync at a time across every replica that shares the database: a PostgreSQL session-level advisory lock held by
 * the run's own connection. If a replica dies mid-sync its connection closes and PostgreSQL releases the lock, so the
 * next run is never blocked for good. (If its host vanishes without closing the connection, PostgreSQL notices only
 * through TCP keepalives: see the README, "Several replicas". Session locks also need a direct or session-pooled
 * connection: PgBouncer's transaction pooling would break them.)
 */
@ApplicationScoped
public class SyncLock {
    /** "m365-insights sync" as a 64-bit advisory lock key. */
    static final long LOCK_KEY = 0x6d3336355f73796eL;

    private final AgroalDataSource dataSource;

    @Inject
    public SyncLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection holding the lock, or empty when another run (here or on another replica) holds it. */
    public Optional<Connection> tryAcquire() throws SQLException {
        return onLiveSession(connection -> tryLock(connection) ? Optional.of(connection) : Optional.empty(),
                Optional::isPresent);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Releases the lock and returns the connection to the pool. {@code pg_advisory_unlock_all} rather than one unlock:
     * a pooled session must never go back holding any advisory lock (a leaked lock would block every later sync, and
     * whoever borrowed that session next would hold it unknowingly).
     */
    public void release(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                ps.execute();
            }
        } catch (SQLException e) {
            // A broken session: PostgreSQL drops the lock with it; the pool must not lend it out again. (Discarded
            // before it is closed: once closed, the wrapper's handle may already be lent to another caller.)
            discard(connection);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // back in the pool or dropped by it: nothing is held either way
        }
    }

    /**
     * Whether any session (this replica's or another's) holds the lock now: a RUNNING run is really running only
     * then. Reads {@code pg_locks}; takes nothing.
     */
    public boolean isHeld() throws SQLException {
        return onLiveSession(SyncLock::heldBySomeone, held -> false);
    }

    private static boolean heldBySomeone(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                select exists (select 1 from pg_locks where locktype = 'advisory' and granted
                    and database = (select oid from pg_database where datname = current_database())
                    and classid = ?::oid and objid = ?::oid and objsubid = 1)""")) {
            // a bigint key is stored as two 32-bit halves: classid (high) and objid (low)
            ps.setLong(1, LOCK_KEY >>> 32);
            ps.setLong(2, LOCK_KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private interface OnSession<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code statement} on a pooled session, which goes back to the pool unless {@code keep} says the caller now
     * owns it. A session the server has cut (a restart, a failover, {@code pg_terminate_backend}) is discarded and the
     * statement runs again on another, at most once per session the pool can hold: each is a single statement, so
     * running it again changes nothing else.
     */
    private <T> T onLiveSession(OnSession<T> statement, Predicate<T> keep) throws SQLException {
        int sessions = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        for (int attempt = 1; ; attempt++) {
            Connection connection = dataSource.getConnection();
            T result;
            try {
                result = statement.run(connection);
            } catch (SQLException e) {
                if (!isLostSession(e)) {
                    connection.close();
                    throw e;
                }
                discard(connection);
                if (attempt > sessions) {
                    throw e;
                }
                continue;
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            if (!keep.test(result)) {
                connection.close();
            }
            return result;
        }
    }

    /** SQLState class 08 (connection exception) or 57P01–57P03 (the server shut the session down). */
    static boolean isLostSession(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && se.getSQLState() != null
                    && (se.getSQLState().startsWith("08") || se.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a dead session so that the pool drops it. The pool discards a connection once a call on it fails with a
     * connection error (SQLState class 08), but not after the server's own "terminating connection" (57P01): so the
     * physical connection is closed first, and the next call through the pool's wrapper fails with 08003. (Not the
     * wrapper's {@code abort}: Agroal 3.0's abort detaches the wrapper without aborting the physical connection, and
     * the wrapper's close then never returns its slot, so every discard would shrink the pool for good.)
     */
    private static void discard(Connection connection) {
        try {
            connection.unwrap(Connection.class).close();
            connection.getAutoCommit();
        } catch (SQLException expected) {
            // 08003 "This connection has been closed": the pool has marked it for removal
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is gone either way
        }
    }
}
