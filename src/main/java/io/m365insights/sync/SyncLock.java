package io.m365insights.sync;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

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
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(connection);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /**
     * Releases the lock and returns the connection to the pool. {@code pg_advisory_unlock_all} rather than one unlock:
     * a pooled session must never go back holding any advisory lock (a leaked lock would block every later sync, and
     * whoever borrowed that session next would hold it unknowingly).
     */
    public void release(Connection connection) {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                ps.execute();
            }
        } catch (SQLException e) {
            // A broken connection: PostgreSQL drops the lock with the session, and the pool discards the connection.
        }
    }

    /**
     * Whether any session (this replica's or another's) holds the lock now: a RUNNING run is really running only
     * then. Reads {@code pg_locks}; takes nothing.
     */
    public boolean isHeld() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("""
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
}
