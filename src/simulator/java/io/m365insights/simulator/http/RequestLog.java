package io.m365insights.simulator.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulator received, in the order it arrived, so tests can assert on the exact requests our sync sent. An
 * entry is added on arrival and gets its status when answered ({@link #PENDING} until then, e.g. while a delayed
 * answer sleeps; 0 when the connection was dropped).
 */
public final class RequestLog {
    public static final int PENDING = -1;

    /**
     * @param outcome   the answer's status ({@link #PENDING} until answered, 0 for a dropped connection)
     * @param answerId  the answer's {@code request-id} header; null until answered or when none was sent
     */
    public record Entry(String method, String path, Map<String, String> query, String body, boolean authorized,
                        AtomicInteger outcome, java.util.concurrent.atomic.AtomicReference<String> answerId) {
        public int status() {
            return outcome.get();
        }

        public String requestId() {
            return answerId.get();
        }
    }

    private static final int CAPACITY = 20_000;
    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void add(Entry e) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(e);
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
