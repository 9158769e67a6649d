package io.m365insights.usage;

import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts of periods cut by a series' range (a week or month counted from the ledger over some of its days), kept for
 * the next request asking the same. Dashboards ask the same ranges again and again ("the last 90 days" ends on the
 * latest stored day), and the ledger changes only when a sync stores a day: each such change gives the data a new
 * version ({@link UsageDayStore}, in the same transaction), and an entry is found only under the version it was counted
 * at, so no entry outlives the data it was counted from, on any replica. Least recently used entries go beyond
 * {@code m365.usage.query-cache-size} (0: no cache). Whole periods need no cache: they are pre-aggregated.
 */
@ApplicationScoped
public class PartialPeriodCache {
    /**
     * A cut period's counts, asked for these (app, platform) combinations ({@link UsageCounting.Combo#mask}), at one
     * data version.
     */
    record Key(String dataVersion, LocalDate periodStart, LocalDate from, LocalDate to, long combos) {
    }

    private final int capacity;
    private final Map<Key, int[]> entries;

    @Inject
    public PartialPeriodCache(M365Config config) {
        this.capacity = Math.max(0, config.usage().queryCacheSize());
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, int[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The counts stored under {@code key}, indexed by {@link UsageCounting.Combo#index()}; not to be changed. */
    Optional<int[]> get(Key key) {
        if (capacity == 0) {
            return Optional.empty();
        }
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    void put(Key key, int[] counts) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(key, counts.clone());
        }
    }
}
