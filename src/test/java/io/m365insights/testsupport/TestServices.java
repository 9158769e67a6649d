package io.m365insights.testsupport;

import io.m365insights.devservices.EmbeddedPostgresStarter;
import io.m365insights.simulator.SimulatorOptions;
import io.m365insights.simulator.http.GraphSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts, once for the whole test run, a real embedded PostgreSQL and the Microsoft Graph simulator on free ports, and
 * points the application at them. Tests drive the simulator through its HTTP control API ({@link SimulatorClient}).
 */
@QuarkusTestResource(TestServices.class)
public class TestServices implements QuarkusTestResourceLifecycleManager {
    public static final long SEED = 42;
    /** More than one page of 999, so every sync pages. */
    public static final int USERS = 1500;

    /** The simulator's URL, for tests that run outside the application's JVM ({@code *IT}); see {@link SimulatorClient}. */
    static volatile String simulatorUrl;

    private EmbeddedPostgres postgres;
    private GraphSimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgresStarter.start(Files.createTempDirectory("m365-test-pg"), 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        simulator = GraphSimulator.start(SimulatorOptions.defaults().withSeed(SEED).withUsers(USERS)
                .withClock(TestClock.unshifted()));
        simulatorUrl = simulator.origin();
        Map<String, String> config = new HashMap<>(simulator.appConfig());
        // the packaged application of the *ITs runs on the same clock (a @QuarkusTest's clock is the TestClock bean)
        config.put("m365.clock.start", TestClock.unshiftedNow().toString());
        config.put("quarkus.datasource.jdbc.url", EmbeddedPostgresStarter.jdbcUrl(postgres));
        config.put("quarkus.datasource.username", "postgres");
        // the embedded server trusts local connections; a password is still set, so tests can check it never leaks
        config.put("quarkus.datasource.password", SimulatorOptions.randomSecret().replace("sim~", "db~"));
        return config;
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
        }
    }
}
