package io.m365insights.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.FollowUpGate;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One sync at a time across replicas sharing the database. "Another replica" is another PostgreSQL session, opened
 * here with the JDBC driver outside the application's pool, that takes the same advisory lock and records its run as
 * a replica would; a replica dies by having its session closed or terminated with {@code pg_terminate_backend}.
 */
@QuarkusTest
class ReplicasTest {
    private static final String SYNC_NOW = "mutation { syncNow(input: {wait: false}) { alreadyRunning run { id status "
            + "replica } } }";
    private static final String STATUS = "{ syncStatus { running currentRun { id } lastRun { id status error replica } } }";
    private final SimulatorClient simulator = SimulatorClient.current();

    @Inject
    SyncLock lock;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    FollowUpGate followUps;

    @BeforeEach
    void reset() throws SQLException {
        simulator.reset();
        // no run of an earlier test class still holds the lock
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            java.util.Optional<Connection> free = lock.tryAcquire();
            free.ifPresent(lock::release);
            return free.isPresent();
        });
    }

    @AfterEach
    void noRunLeft() {
        simulator.clearFaults();
        await().atMost(Duration.ofMinutes(1)).until(() -> !status().get("running").asBoolean());
    }

    @Test
    void whileAnotherReplicaSyncsSyncNowSaysAlreadyRunningAndStartsNothing() throws SQLException {
        long runsBefore = runCount();
        try (Connection otherReplica = otherReplica()) {
            long otherRun = startRunAs(otherReplica, "replica-b");
            simulator.clearRequests();

            JsonNode payload = GraphQL.data(SYNC_NOW).get("syncNow");

            assertThat(payload.get("alreadyRunning").asBoolean()).isTrue();
            assertThat(payload.at("/run/id").asLong()).isEqualTo(otherRun);
            assertThat(payload.at("/run/replica").asText()).isEqualTo("replica-b");
            assertThat(runCount()).isEqualTo(runsBefore + 1); // the other replica's run, nothing more
            assertThat(simulator.requests(null, null)).isEmpty();
            JsonNode status = status();
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.at("/currentRun/id").asLong()).isEqualTo(otherRun);
        } // the other replica stops: its session closes and PostgreSQL releases the lock
    }

    @Test
    void aRunsFollowUpsCountAsRunningAndSyncNowStartsNothingUntilTheyEnd() throws Exception {
        long runsBefore = runCount();
        followUps.arm();
        long run;
        try {
            JsonNode started = GraphQL.data(SYNC_NOW).get("syncNow");
            assertThat(started.get("alreadyRunning").asBoolean()).isFalse();
            run = started.at("/run/id").asLong();
            assertThat(followUps.awaitReached()).as("the run reached its follow-ups").isTrue();

            // its outcome is recorded, but it holds the lock until its follow-ups end
            JsonNode status = status();
            assertThat(status.at("/lastRun/id").asLong()).isEqualTo(run);
            assertThat(status.at("/lastRun/status").asText()).isEqualTo("SUCCEEDED");
            assertThat(status.get("currentRun").isNull()).isTrue();
            assertThat(status.get("running").asBoolean()).isTrue();
            JsonNode refused = GraphQL.data(SYNC_NOW).get("syncNow");
            assertThat(refused.get("alreadyRunning").asBoolean()).isTrue();
            assertThat(refused.get("run").isNull()).as("no run is in progress, only its follow-ups").isTrue();
            assertThat(runCount()).isEqualTo(runsBefore + 1);
        } finally {
            followUps.open();
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> !status().get("running").asBoolean());
        JsonNode next = Syncs.syncNow();
        assertThat(next.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(next.get("id").asLong()).isGreaterThan(run);
    }

    @Test
    void aReplicaThatDiesMidSyncDoesNotBlockTheNextRunAndItsRunIsMarkedFailed() throws SQLException {
        long deadRun;
        try (Connection otherReplica = otherReplica(); Connection admin = otherReplica()) {
            deadRun = startRunAs(otherReplica, "replica-b");
            // the replica's host dies: its session is cut without it finishing (or even releasing) anything
            try (PreparedStatement ps = admin.prepareStatement("select pg_terminate_backend(?)")) {
                ps.setInt(1, pid(otherReplica));
                ps.execute();
            }
        }

        JsonNode status = status();
        assertThat(status.get("running").asBoolean()).isFalse();
        assertThat(status.at("/lastRun/id").asLong()).isEqualTo(deadRun);
        assertThat(status.at("/lastRun/status").asText()).isEqualTo("FAILED");
        assertThat(status.at("/lastRun/error").asText()).contains("interrupted").contains("stopped");

        JsonNode next = Syncs.syncNow();
        assertThat(next.get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void whenThisReplicasSyncLosesItsSessionTheRunEndsFailedAndTheNextOneRuns() throws SQLException {
        // a slow first Graph answer keeps the run busy while its database session is cut
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 1,
                "kind", "DELAY", "delayMillis", 2_000));
        JsonNode started = GraphQL.data(SYNC_NOW).get("syncNow");
        assertThat(started.get("alreadyRunning").asBoolean()).isFalse();
        long run = started.at("/run/id").asLong();
        try (Connection admin = otherReplica();
             PreparedStatement ps = admin.prepareStatement("select pg_terminate_backend(pid) from pg_locks "
                     + "where locktype = 'advisory' and granted and objid = ?::oid")) {
            ps.setLong(1, SyncLock.LOCK_KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the run holds the lock").isTrue();
            }
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> !status().get("running").asBoolean());
        JsonNode last = status().get("lastRun");
        assertThat(last.get("id").asLong()).isEqualTo(run);
        assertThat(last.get("status").asText()).isEqualTo("FAILED");
        assertThat(last.get("error").asText()).isNotBlank();
        assertThat(Syncs.syncNow().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void twoSyncNowCallsAtOnceMakeExactlyOneRun() throws Exception {
        long runsBefore = runCount();
        // the run outlasts both calls (a slow first Graph answer), so the second surely meets it
        simulator.addFault(Map.of("method", "GET", "pathRegex", "/v1\\.0/subscribedSkus", "times", 1,
                "kind", "DELAY", "delayMillis", 2_000));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<JsonNode>> calls = List.of(call(callers, go), call(callers, go));
            go.countDown();
            List<JsonNode> payloads = calls.stream().map(CompletableFuture::join).toList();

            assertThat(payloads).extracting(p -> p.get("alreadyRunning").asBoolean()).containsExactlyInAnyOrder(true, false);
            JsonNode started = payloads.stream().filter(p -> !p.get("alreadyRunning").asBoolean()).findFirst().orElseThrow();
            JsonNode refused = payloads.stream().filter(p -> p.get("alreadyRunning").asBoolean()).findFirst().orElseThrow();
            // the refused call names the running run, unless it came in the instant that run was still being recorded
            if (!refused.get("run").isNull()) {
                assertThat(refused.at("/run/id").asLong()).isEqualTo(started.at("/run/id").asLong());
            }
        } finally {
            callers.shutdown();
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> !status().get("running").asBoolean());
        assertThat(runCount()).isEqualTo(runsBefore + 1);
        assertThat(status().at("/lastRun/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests("GET", "/v1.0/subscribedSkus")).hasSize(1);
    }

    @Test
    void aReleasedLockLeavesNothingOnThePooledSessionEvenAfterAFailedTransaction() throws SQLException {
        Connection held = lock.tryAcquire().orElseThrow();
        held.setAutoCommit(false);
        try (PreparedStatement broken = held.prepareStatement("select 1 / 0")) {
            broken.execute();
        } catch (SQLException expected) {
            // the transaction is aborted now, as a failing step leaves it
        }
        lock.release(held);
        assertThat(lock.isHeld()).isFalse();
        Connection again = lock.tryAcquire().orElseThrow();
        lock.release(again);
    }

    @Test
    void aPooledSessionTheServerCutIsNotLentOutAgain() throws SQLException {
        // every session the pool can hold is cut by the server while idle (as after a restart or a failover)
        int poolSize = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Integer> pids = new java.util.ArrayList<>();
        try (Connection admin = otherReplica(); PreparedStatement ps = admin.prepareStatement(
                "select pg_terminate_backend(pid) from unnest(?::int[]) pid")) {
            List<Connection> borrowed = borrowAll(poolSize);
            for (Connection c : borrowed) {
                pids.add(pid(c));
                c.close();
            }
            ps.setArray(1, admin.createArrayOf("int4", pids.toArray()));
            ps.execute();
        }

        assertThat(lock.isHeld()).isFalse();
        Connection held = lock.tryAcquire().orElseThrow();
        try {
            assertThat(pids).doesNotContain(pid(held));
            assertThat(lock.isHeld()).isTrue();
        } finally {
            lock.release(held);
        }
        assertThat(lock.isHeld()).isFalse();
        // each dead session left the pool for good: the whole pool can be borrowed again, all of it alive
        List<Connection> again = borrowAll(poolSize);
        try {
            for (Connection c : again) {
                assertThat(pids).doesNotContain(pid(c));
            }
        } finally {
            for (Connection c : again) {
                c.close();
            }
        }
    }

    private List<Connection> borrowAll(int count) throws SQLException {
        List<Connection> borrowed = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            borrowed.add(dataSource.getConnection());
        }
        return borrowed;
    }

    private static CompletableFuture<JsonNode> call(ExecutorService callers, CountDownLatch go) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GraphQL.data(SYNC_NOW).get("syncNow");
        }, callers);
    }

    private static JsonNode status() {
        return GraphQL.data(STATUS).get("syncStatus");
    }

    /** A session of its own on the application's database, outside the application's connection pool. */
    private static Connection otherReplica() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** What a replica does when it starts a sync: take the lock, record a RUNNING run. */
    private static long startRunAs(Connection replica, String name) throws SQLException {
        try (PreparedStatement lock = replica.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, SyncLock.LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("no sync running here").isTrue();
            }
        }
        try (PreparedStatement run = replica.prepareStatement("insert into sync_run (trigger, status, started_at, "
                + "replica) values ('SCHEDULE', 'RUNNING', now(), ?) returning id")) {
            run.setString(1, name);
            try (ResultSet rs = run.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long runCount() throws SQLException {
        try (Connection c = otherReplica(); PreparedStatement ps = c.prepareStatement("select count(*) from sync_run");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
