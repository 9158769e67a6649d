package io.m365insights.devservices;

import io.m365insights.simulator.SimulatorOptions;
import io.m365insights.simulator.http.GraphSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stand-ins dev mode uses when nothing real is configured: an embedded PostgreSQL with its data under
 * {@code target/dev-postgres} (kept across restarts) and the Microsoft Graph simulator. Both are started once per JVM;
 * the settings that point the application at them are kept in system properties so that a live reload (a new class
 * loader) finds and reuses them instead of starting second copies.
 */
final class DevModeServices {
    private static final Logger LOG = Logger.getLogger(DevModeServices.class);
    private static final String KEY = "m365insights.devservices.";
    private static final int DEV_PG_PORT = 54329;
    private static final int DEV_SIMULATOR_PORT = 8089;

    private DevModeServices() {
    }

    static synchronized Map<String, String> database() {
        Map<String, String> reused = reuse("db.");
        if (!reused.isEmpty()) {
            return reused;
        }
        Path dir = Path.of("target", "dev-postgres").toAbsolutePath();
        String url;
        if (listening(DEV_PG_PORT)) { // left running by an earlier dev session of this checkout
            url = "jdbc:postgresql://localhost:" + DEV_PG_PORT + "/postgres";
            LOG.infof("Dev mode: reusing the embedded PostgreSQL already running on port %d", DEV_PG_PORT);
        } else {
            EmbeddedPostgres pg = EmbeddedPostgresStarter.start(dir, DEV_PG_PORT, true);
            url = EmbeddedPostgresStarter.jdbcUrl(pg);
            LOG.infof("Dev mode: started an embedded PostgreSQL on port %d (data in %s); set "
                    + "QUARKUS_DATASOURCE_JDBC_URL to use your own", pg.getPort(), dir);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        remember("db.", config);
        return config;
    }

    static synchronized Map<String, String> simulator(long seed, int users) {
        Map<String, String> reused = reuse("sim.");
        if (!reused.isEmpty()) {
            return reused;
        }
        SimulatorOptions options = SimulatorOptions.defaults().withSeed(seed).withUsers(users)
                .withPort(listening(DEV_SIMULATOR_PORT) ? 0 : DEV_SIMULATOR_PORT);
        GraphSimulator sim = GraphSimulator.start(options);
        LOG.infof("Dev mode: simulated Microsoft 365 tenant with %d users at %s (control API: %s/_simulator); "
                + "set M365_SIMULATOR_ENABLED=false and the M365_* variables to use a real tenant",
                users, sim.graphBaseUrl(), sim.origin());
        Map<String, String> config = sim.appConfig();
        remember("sim.", config);
        return config;
    }

    private static Map<String, String> reuse(String group) {
        Map<String, String> config = new LinkedHashMap<>();
        String prefix = KEY + group;
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> config.put(k.substring(prefix.length()), System.getProperty(k)));
        return config;
    }

    private static void remember(String group, Map<String, String> config) {
        config.forEach((k, v) -> System.setProperty(KEY + group + k, v));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
