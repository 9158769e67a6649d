package io.m365insights.ops;

import io.m365insights.sync.SyncPartName;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DataFreshnessCheckTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration MAX = Duration.ofHours(3);

    @Test
    void upWhileEveryPartSucceededWithinTheMaxAge() {
        HealthCheckResponse r = DataFreshnessCheck.assess(last(NOW.minus(MAX), NOW.minusSeconds(60)), MAX, NOW);
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(r.getData().orElseThrow()).containsEntry("licenses.lastSucceeded", "2026-03-02T09:00:00Z")
                .doesNotContainKey("stale");
    }

    @Test
    void downNamingEachPartOlderThanTheMaxAgeOrNeverSynced() {
        Map<SyncPartName, Optional<Instant>> last = new EnumMap<>(SyncPartName.class);
        last.put(SyncPartName.LICENSES, Optional.of(NOW.minus(MAX).minusSeconds(1)));
        last.put(SyncPartName.USERS, Optional.empty());
        HealthCheckResponse r = DataFreshnessCheck.assess(last, MAX, NOW);
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(r.getData().orElseThrow()).containsEntry("stale", "licenses,users")
                .containsEntry("users.lastSucceeded", "never").containsEntry("maxAge", "PT3H");
    }

    @Test
    void onlyTheStalePartIsNamed() {
        HealthCheckResponse r = DataFreshnessCheck.assess(last(NOW, NOW.minus(Duration.ofDays(2))), MAX, NOW);
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(r.getData().orElseThrow()).containsEntry("stale", "users");
    }

    private static Map<SyncPartName, Optional<Instant>> last(Instant licenses, Instant users) {
        Map<SyncPartName, Optional<Instant>> last = new EnumMap<>(SyncPartName.class);
        last.put(SyncPartName.LICENSES, Optional.of(licenses));
        last.put(SyncPartName.USERS, Optional.of(users));
        return last;
    }
}
