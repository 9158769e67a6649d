package io.m365insights.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Scripted and random faults per endpoint. A rule matches requests by method and path pattern; it lets the first
 * {@code skip} matches through, then fails up to {@code times} of them (-1 = no limit), each with probability
 * {@code rate}. A fault is an HTTP status with an OData error body (and {@code Retry-After} when given), a dropped
 * connection (before or after handling the request), or a delay.
 */
public final class FaultInjector {
    /**
     * DROP_CONNECTION closes the connection before handling the request; DROP_RESPONSE handles it (the change is made)
     * and then closes the connection without answering, as when a response is lost on the way back.
     */
    public enum Kind { STATUS, DROP_CONNECTION, DELAY, DROP_RESPONSE }

    public record Rule(String method, String pathRegex, int skip, int times, double rate, Kind kind, int status,
                       String code, String retryAfter, long delayMillis) {
        public Rule {
            kind = kind == null ? Kind.STATUS : kind;
            rate = rate <= 0 ? 1.0 : rate;
            code = code == null ? defaultCode(status) : code;
        }

        private static String defaultCode(int status) {
            return switch (status) {
                case 429 -> "TooManyRequests";
                case 503 -> "ServiceUnavailable";
                case 504 -> "GatewayTimeout";
                case 401 -> "InvalidAuthenticationToken";
                case 403 -> "Authorization_RequestDenied";
                default -> "UnknownError";
            };
        }
    }

    private static final class Armed {
        final Rule rule;
        final Pattern path;
        int seen;
        int fired;

        Armed(Rule rule) {
            this.rule = rule;
            this.path = Pattern.compile(rule.pathRegex());
        }
    }

    private final List<Armed> rules = new ArrayList<>();
    private Random random = new Random(7);
    private int injected;

    public synchronized void add(Rule rule) {
        rules.add(new Armed(rule));
    }

    public synchronized void clear(long seed) {
        rules.clear();
        random = new Random(seed);
    }

    public synchronized int injectedCount() {
        return injected;
    }

    /** The fault to apply to this request, if any rule fires. */
    synchronized Optional<Rule> match(String method, String path) {
        for (Armed a : rules) {
            if ((a.rule.method() == null || a.rule.method().equalsIgnoreCase(method)) && a.path.matcher(path).matches()) {
                a.seen++;
                if (a.seen <= a.rule.skip() || (a.rule.times() >= 0 && a.fired >= a.rule.times())) {
                    continue;
                }
                if (a.rule.rate() < 1.0 && random.nextDouble() >= a.rule.rate()) {
                    continue;
                }
                a.fired++;
                injected++;
                return Optional.of(a.rule);
            }
        }
        return Optional.empty();
    }
}
