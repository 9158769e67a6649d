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
 * next run is never blocked for good.
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

    /** Releases the lock and returns the connection to the pool. */
    public void release(Connection connection) {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, LOCK_KEY);
                ps.execute();
            }
        } catch (SQLException e) {
            // A broken connection: PostgreSQL drops the lock with the session.
        }
    }
}
