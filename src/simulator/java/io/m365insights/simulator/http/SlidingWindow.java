package io.m365insights.simulator.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/** A throttling limit as Microsoft counts it: at most {@code limit} requests in any {@code window}; off by default. */
final class SlidingWindow {
    private final int defaultLimit;
    private final long defaultWindowMillis;
    private final Deque<Long> recent = new ArrayDeque<>();
    private boolean enforced;
    private int limit;
    private long windowMillis;
    private long throttled;

    SlidingWindow(int limit, long windowMillis) {
        this.defaultLimit = limit;
        this.defaultWindowMillis = windowMillis;
        reset();
    }

    synchronized void reset() {
        recent.clear();
        enforced = false;
        limit = defaultLimit;
        windowMillis = defaultWindowMillis;
        throttled = 0;
    }

    /** {@code {enforced, limit, windowMillis}}, each optional. */
    synchronized void configure(com.fasterxml.jackson.databind.JsonNode t) {
        if (t.has("enforced")) {
            enforced = t.get("enforced").asBoolean();
        }
        if (t.has("limit")) {
            limit = t.get("limit").asInt();
        }
        if (t.has("windowMillis")) {
            windowMillis = t.get("windowMillis").asLong();
        }
    }

    /** Requests answered 429 since the last reset. */
    synchronized long throttled() {
        return throttled;
    }

    /** Null when the request may go; otherwise the 429 saying when the oldest request leaves the window. */
    synchronized SimResponse admit(SimRequest r) {
        if (!enforced) {
            return null;
        }
        long now = System.currentTimeMillis();
        while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) {
            recent.removeFirst();
        }
        if (recent.size() >= limit) {
            throttled++;
            double wait = (recent.peekFirst() + windowMillis - now) / 1000.0;
            return ODataErrors.error(429, "TooManyRequests", "Please retry again later.", r)
                    .header("Retry-After", String.format(Locale.ROOT, "%.3f", Math.max(0.001, wait)));
        }
        recent.addLast(now);
        return null;
    }
}
