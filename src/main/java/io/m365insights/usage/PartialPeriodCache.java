package io.m365insights.usage;

import io.m365insights.config.M365Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** A cut period's counts, asked for these (app, platform) combinations, at one data version. */
    record Key(String dataVersion, LocalDate periodStart, LocalDate from, LocalDate to, List<UsageCounting.Combo> combos) {
    }

    private final int capacity;
    private final Map<Key, Map<UsageCounting.Combo, Integer>> entries;

    @Inject
    public PartialPeriodCache(M365Config config) {
        this.capacity = Math.max(0, config.usage().queryCacheSize());
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Map<UsageCounting.Combo, Integer>> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<Map<UsageCounting.Combo, Integer>> get(Key key) {
        if (capacity == 0) {
            return Optional.empty();
        }
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    void put(Key key, Map<UsageCounting.Combo, Integer> counts) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(key, Map.copyOf(counts));
        }
    }
}
