package io.m365insights.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Writes the sync_run and sync_run_part rows, autocommitted on the run's connection; times from the service's clock. */
@ApplicationScoped
public class SyncRunRecorder {
    private static final int MAX_DETAIL = 2000;

    @Inject
    Clock clock;

    /** Runs left RUNNING by a replica that died: only called while holding the lock, so none is really running. */
    int failAbandoned(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update sync_run set status = 'FAILED', finished_at = ?, "
                + "error = 'interrupted: the replica running it stopped before it finished' where status = 'RUNNING'")) {
            ps.setObject(1, now());
            int n = ps.executeUpdate();
            try (PreparedStatement parts = c.prepareStatement("update sync_run_part set status = 'FAILED', "
                    + "finished_at = ?, detail = 'interrupted' where status = 'RUNNING'")) {
                parts.setObject(1, now());
                parts.executeUpdate();
            }
            return n;
        }
    }

    long start(Connection c, SyncTrigger trigger) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into sync_run (trigger, status, started_at, replica) "
                + "values (?, 'RUNNING', ?, ?) returning id")) {
            ps.setString(1, trigger.name());
            ps.setObject(2, now());
            ps.setString(3, replica());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void startPart(Connection c, long runId, SyncPartName part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into sync_run_part (run_id, part, status, started_at) "
                + "values (?, ?, 'RUNNING', ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, part.name());
            ps.setObject(3, now());
            ps.executeUpdate();
        }
    }

    void finishPart(Connection c, long runId, SyncPartName part, SyncRunStatus status, SyncStep.Outcome outcome,
                    String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update sync_run_part set status = ?, finished_at = ?, "
                + "items_read = ?, created = ?, updated = ?, deleted = ?, detail = ? where run_id = ? and part = ?")) {
            ps.setString(1, status.name());
            ps.setObject(2, now());
            ps.setInt(3, outcome == null ? 0 : outcome.read());
            ps.setInt(4, outcome == null ? 0 : outcome.created());
            ps.setInt(5, outcome == null ? 0 : outcome.updated());
            ps.setInt(6, outcome == null ? 0 : outcome.deleted());
            ps.setString(7, truncate(detail));
            ps.setLong(8, runId);
            ps.setString(9, part.name());
            ps.executeUpdate();
        }
    }

    void finish(Connection c, long runId, SyncRunStatus status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update sync_run set status = ?, finished_at = ?, error = ? "
                + "where id = ?")) {
            ps.setString(1, status.name());
            ps.setObject(2, now());
            ps.setString(3, truncate(error));
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }

    private static String replica() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
