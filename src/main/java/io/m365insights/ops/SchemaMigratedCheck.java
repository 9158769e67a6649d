package io.m365insights.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Readiness: the database answers and its schema is at the latest migration this build knows (none pending, none
 * failed, none ignored). Quarkus' own datasource check says whether connections work; this one says whether the tables this code
 * expects are there. A schema that is newer than this build (a newer replica migrated it during a rolling update) is
 * ready: migrations only ever add.
 */
@Readiness
@ApplicationScoped
public class SchemaMigratedCheck implements HealthCheck {
    static final String NAME = "database-schema";

    private final Flyway flyway;

    @Inject
    public SchemaMigratedCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            MigrationVersion latest = Arrays.stream(info.all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
            int pending = info.pending().length;
            // older than the current version and never applied (it reached the code after a newer one was applied):
            // Flyway leaves it out of pending, and the tables it makes are missing all the same
            String ignored = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.IGNORED)
                    .map(m -> m.getVersion().toString()).collect(Collectors.joining(", "));
            response.withData("version", current == null ? "none" : current.getVersion().toString())
                    .withData("latest", latest == null ? "none" : latest.toString())
                    .withData("pending", pending);
            if (failed > 0) {
                response.withData("failed", failed);
            }
            if (!ignored.isEmpty()) {
                response.withData("ignored", ignored);
            }
            return response.status(current != null && pending == 0 && failed == 0 && ignored.isEmpty()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", "cannot read the schema history: " + e.getMessage()).build();
        }
    }
}
