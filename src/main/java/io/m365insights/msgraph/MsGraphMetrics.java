package io.m365insights.msgraph;

import io.m365insights.config.M365Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Prometheus metrics of Microsoft Graph access:
 * <ul>
 * <li>{@code m365_msgraph_requests_seconds{method,uri,status}}: every HTTP request sent to Microsoft Graph (each
 * attempt, each redirect hop), by status, or {@code IO_ERROR} when the connection broke before a response; timed to
 * the response headers. {@code uri} is the resource with ids and arguments removed, e.g. {@code users},
 * {@code users/{id}/assignLicense}, {@code reports/getOffice365ActiveUserDetail}, {@code download}</li>
 * <li>{@code m365_msgraph_retries_total{kind}}: retries after a transient fault, by kind (throttled, unavailable,
 * network, unauthenticated)</li>
 * <li>{@code m365_msgraph_retry_wait_seconds{kind}}: the waits before those retries; {@code kind="throttled"} is the
 * time spent honouring Microsoft Graph's throttling</li>
 * </ul>
 */
@ApplicationScoped
public class MsGraphMetrics {
    private static final Pattern ID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|.*[@%'].*");
    private static final int MAX_SEGMENTS = 3;

    private final MeterRegistry registry;
    private final String graphHost;

    @Inject
    public MsGraphMetrics(MeterRegistry registry, M365Config config) {
        this.registry = registry;
        this.graphHost = URI.create(config.graphBaseUrl()).getHost();
    }

    /**
     * An OkHttp network interceptor: it sees every request that goes on the wire, OkHttp's own transparent retries of
     * a broken pooled connection included. (A connection that cannot be opened at all never reaches it; that shows
     * as a retry of kind {@code network}.)
     */
    Interceptor requestInterceptor() {
        return chain -> {
            Request request = chain.request();
            long started = System.nanoTime();
            String status = "IO_ERROR";
            try {
                Response response = chain.proceed(request);
                status = Integer.toString(response.code());
                return response;
            } finally {
                Timer.builder("m365.msgraph.requests").description("HTTP requests sent to Microsoft Graph")
                        .tag("method", request.method()).tag("uri", resource(request)).tag("status", status)
                        .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        };
    }

    void retried(Throwable cause) {
        registry.counter("m365.msgraph.retries", "kind", kind(cause)).increment();
    }

    void waited(Throwable cause, long millis) {
        Timer.builder("m365.msgraph.retry.wait").description("Waits before retrying a Microsoft Graph request")
                .tag("kind", kind(cause)).register(registry).record(Duration.ofMillis(millis));
    }

    /**
     * A bounded label for a request: the path after the version segment, ids and function arguments removed, at
     * most three segments; {@code download} for another host (a report's pre-authenticated download URL).
     */
    String resource(Request request) {
        if (!request.url().host().equalsIgnoreCase(graphHost)) {
            return "download";
        }
        List<String> segments = request.url().pathSegments();
        List<String> kept = new ArrayList<>();
        for (int i = 1; i < segments.size() && kept.size() < MAX_SEGMENTS; i++) { // [0] is the version (v1.0)
            String s = segments.get(i);
            int args = s.indexOf('(');
            s = args >= 0 ? s.substring(0, args) : s;
            if (!s.isEmpty()) {
                kept.add(ID.matcher(s).matches() ? "{id}" : s);
            }
        }
        return kept.isEmpty() ? "/" : String.join("/", kept);
    }

    private static String kind(Throwable cause) {
        return cause instanceof MsGraphException e ? e.kind().name().toLowerCase() : "other";
    }
}
