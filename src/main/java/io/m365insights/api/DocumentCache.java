package io.m365insights.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache of what is derived from a GraphQL document (its parse and validation, its
 * operation): a dashboard sends the same few documents again and again, and parsing one costs more allocation than
 * executing it (bench/RESULTS.md, "Where a users page's time goes"). Only documents up to {@link #MAX_KEY_LENGTH}
 * characters are kept, so the cache holds at most {@code capacity} × that much text whatever clients send.
 */
public final class DocumentCache<K, V> {
    /** Longer documents are derived every time (a body may be up to 256 KB). */
    public static final int MAX_KEY_LENGTH = 16 * 1024;

    private final Map<K, V> entries;

    public DocumentCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for {@code key} (of a document of {@code length} characters), derived once while it stays cached. */
    public V get(K key, int length, Function<K, V> derive) {
        if (length > MAX_KEY_LENGTH) {
            return derive.apply(key);
        }
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = derive.apply(key); // outside the lock: two threads may both derive a new document once
        synchronized (entries) {
            entries.putIfAbsent(key, value);
        }
        return value;
    }
}
