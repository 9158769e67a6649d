package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A throttling limit as Microsoft counts it: at most {@code limit} requests in any {@code window}, counted on arrival;
 * off by default. It counts the requests it saw and the ones it answered 429, so a benchmark can read both
 * ({@code GET /_simulator/throttling}).
 */
final class SlidingWindow {
    private final int defaultLimit;
    private final long defaultWindowMillis;
    private final LongSupplier clock;
    private final Deque<Long> recent = new ArrayDeque<>();
    private boolean enforced;
    private int limit;
    private long windowMillis;
    private long requests;
    private long throttled;

    SlidingWindow(int limit, long windowMillis) {
        this(limit, windowMillis, System::currentTimeMillis);
    }

    /** {@code clock}: epoch milliseconds, e.g. the simulated tenant's "now". */
    SlidingWindow(int limit, long windowMillis, LongSupplier clock) {
        this.defaultLimit = limit;
        this.defaultWindowMillis = windowMillis;
        this.clock = clock;
        reset();
    }

    synchronized void reset() {
        recent.clear();
        enforced = false;
        limit = defaultLimit;
        windowMillis = defaultWindowMillis;
        requests = 0;
        throttled = 0;
    }

    /** {@code {enforced, limit, windowMillis}}, each optional. */
    synchronized void configure(JsonNode t) {
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

    /** {@code {enforced, limit, windowMillis, requests, throttled}}: the setting and what it saw since the last reset. */
    synchronized ObjectNode stats() {
        return Json.object().put("enforced", enforced).put("limit", limit).put("windowMillis", windowMillis)
                .put("requests", requests).put("throttled", throttled);
    }

    /** Null when the request may go; otherwise the 429 saying when the oldest request leaves the window. */
    synchronized SimResponse admit(SimRequest r) {
        requests++;
        if (!enforced) {
            return null;
        }
        long now = clock.getAsLong();
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
