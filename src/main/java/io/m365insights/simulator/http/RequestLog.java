package io.m365insights.simulator.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** What the simulator received, newest last, so tests can assert on the exact requests our sync sent. */
public final class RequestLog {
    /** @param requestId the {@code request-id} header of the answer; null when none was sent (dropped connection) */
    public record Entry(String method, String path, Map<String, String> query, String body, boolean authorized,
                        int status, String requestId) {
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
