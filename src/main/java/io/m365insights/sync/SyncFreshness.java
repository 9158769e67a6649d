package io.m365insights.sync;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each sync part last succeeded, read from the recorded runs: every replica answers the same, whichever replica
 * ran the sync. Used by the data-freshness health check and the metrics.
 */
@ApplicationScoped
public class SyncFreshness {
    private final AgroalDataSource dataSource;
    private final List<SyncPartName> parts;

    @Inject
    public SyncFreshness(AgroalDataSource dataSource, Instance<SyncStep> steps) {
        this.dataSource = dataSource;
        this.parts = steps.stream().map(SyncStep::part).sorted().distinct().toList();
    }

    /** The parts this service syncs (one per {@link SyncStep}), in run order. */
    public List<SyncPartName> parts() {
        return parts;
    }

    /**
     * For each part, when its last successful run finished; empty when it never succeeded. The last run is the one
     * started last (highest id), whatever clock stamped it. A PARTIAL part counts: it stored what it could and says
     * what is missing (e.g. sign-ins on a tenant without Entra ID P1), so its data is as fresh as it can be; a FAILED
     * part does not.
     */
    public Map<SyncPartName, Optional<Instant>> lastSucceeded() {
        Map<SyncPartName, Optional<Instant>> result = new EnumMap<>(SyncPartName.class);
        Jdbc.withConnection(dataSource, "read the sync runs", c -> Jdbc.query(c, """
                select p.part, (select s.finished_at from sync_run_part s
                                where s.part = p.part and s.status in ('SUCCEEDED', 'PARTIAL')
                                order by s.run_id desc limit 1)
                from unnest(?::text[]) as p(part)""", rs -> Map.entry(SyncPartName.valueOf(rs.getString(1)),
                Optional.ofNullable(rs.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant)),
                (Object) parts.stream().map(SyncPartName::name).toArray(String[]::new)))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
