package io.m365insights.usage;

import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;

/**
 * Keeps report requests under Microsoft's throttling limit (CONTRACT.md §1.1: 14 requests per 10 minutes per report
 * and app registration, counted over a sliding window): before each request it waits until fewer than
 * {@code M365_REPORTS_RATE_LIMIT} requests were sent in the last {@code M365_REPORTS_RATE_WINDOW}. The request log
 * is a table, so the pace holds across runs, restarts and replicas (only one replica syncs at a time). A fixed-window
 * limiter, as most libraries provide, could send twice the limit across a window boundary and provoke 429s.
 */
@ApplicationScoped
public class ReportPacer {
    private static final Logger LOG = Logger.getLogger(ReportPacer.class);

    private final int limit;
    private final Duration window;

    @Inject
    public ReportPacer(M365Config config) {
        this.limit = config.reports().rateLimit();
        this.window = config.reports().rateWindow();
    }

    /** Blocks until a request of {@code report} may go out, and records it. Runs on the sync's own connection. */
    public void beforeRequest(Connection c, String report) {
        beforeRequest(c, report, limit, window);
    }

    /** Whether a request of {@code report} would have to wait now (nothing is recorded). */
    public boolean mustWait(Connection c, String report) throws SQLException {
        return !waitNeeded(c, report, limit, window).isZero();
    }

    /**
     * The same with a limit of its own: each report function, and the sign-in listing (10 a minute), has its own
     * budget, kept in the same table under its own name.
     */
    public void beforeRequest(Connection c, String report, int limit, Duration window) {
        try {
            while (true) {
                Duration wait = waitNeeded(c, report, limit, window);
                if (wait.isZero()) {
                    record(c, report, window);
                    return;
                }
                LOG.debugf("Pacing %s: waiting %d ms to stay under %d requests per %s", report, wait.toMillis(),
                        limit, window);
                Thread.sleep(wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing report requests", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pace report requests: " + e.getMessage(), e);
        }
    }

    /** Zero when a request may go now; otherwise until the oldest request of the window leaves it, plus a margin. */
    private static Duration waitNeeded(Connection c, String report, int limit, Duration window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select requested_at, clock_timestamp() from report_request where report = ?
                order by requested_at desc offset ? limit 1""")) {
            ps.setString(1, report);
            ps.setInt(2, limit - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Duration.ZERO;
                }
                Timestamp oldestInWindow = rs.getTimestamp(1);
                Timestamp now = rs.getTimestamp(2);
                long margin = Math.min(1000, window.toMillis() / 50); // Microsoft counts on arrival, a bit later
                long until = oldestInWindow.getTime() + window.toMillis() + margin;
                return until <= now.getTime() ? Duration.ZERO : Duration.ofMillis(until - now.getTime());
            }
        }
    }

    private static void record(Connection c, String report, Duration window) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into report_request (report, requested_at) values (?, clock_timestamp())");
             PreparedStatement prune = c.prepareStatement(
                     "delete from report_request where report = ? and requested_at < clock_timestamp() - ?::interval")) {
            insert.setString(1, report);
            insert.executeUpdate();
            prune.setString(1, report);
            prune.setString(2, (window.toMillis() * 2) + " milliseconds");
            prune.executeUpdate();
        }
    }
}
