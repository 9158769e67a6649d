package io.m365insights.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts an embedded PostgreSQL (zonky, a real PostgreSQL server binary). Its library is a {@code provided}
 * dependency: on the dev-mode and test classpath, never packaged; this class is only loaded in dev mode and tests.
 */
public final class EmbeddedPostgresStarter {
    private EmbeddedPostgresStarter() {
    }

    /** @param dataDirectory kept between starts when {@code keepData}; {@code port} 0 picks a free one. */
    public static EmbeddedPostgres start(Path dataDirectory, int port, boolean keepData) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    .setServerConfig("synchronous_commit", "off");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public static String jdbcUrl(EmbeddedPostgres pg) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
    }
}
