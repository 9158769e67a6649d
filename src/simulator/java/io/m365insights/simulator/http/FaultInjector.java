package io.m365insights.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Scripted and random faults per endpoint (Microsoft Graph and the token endpoint alike). A rule matches requests by
 * method and path pattern; it lets the first {@code skip} matches through, then fails up to {@code times} of them
 * (-1 = no limit), each with probability {@code rate}. What it does when it fires:
 * <ul>
 * <li>{@code ONE_OF}: one of its faults, picked at random (one fault: always that one);</li>
 * <li>{@code SEQUENCE}: its faults in order, one per matching request ({@code PASS} lets one through), then
 * nothing.</li>
 * </ul>
 * A fault is an HTTP status with an error body (and {@code Retry-After} when given), a dropped connection (before
 * handling the request, or after: the change is made and the answer lost), or a delay before the normal answer
 * (longer than the client's read timeout: a timeout). Random draws come from one generator seeded on
 * {@link #clear(long)}, so a run with the same requests in the same order meets the same faults.
 */
public final class FaultInjector {
    /**
     * DROP_CONNECTION closes the connection before handling the request; DROP_RESPONSE handles it (the change is made)
     * and then closes the connection without answering, as when a response is lost on the way back. PASS is a step
     * of a SEQUENCE that lets one request through.
     */
    public enum Kind { STATUS, DROP_CONNECTION, DELAY, DROP_RESPONSE, PASS }

    public enum Mode { ONE_OF, SEQUENCE }

    public record Fault(Kind kind, int status, String code, String retryAfter, long delayMillis) {
        public Fault {
            kind = kind == null ? Kind.STATUS : kind;
            status = status == 0 ? 503 : status;
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

    public record Rule(String method, String pathRegex, int skip, int times, double rate, Mode mode, List<Fault> faults) {
        public Rule {
            rate = rate <= 0 ? 1.0 : rate;
            mode = mode == null ? Mode.ONE_OF : mode;
            faults = List.copyOf(faults);
            if (faults.isEmpty()) {
                throw new IllegalArgumentException("a fault rule needs at least one fault");
            }
        }

        /** One fault, as the control API's flat form gives it. */
        public Rule(String method, String pathRegex, int skip, int times, double rate, Kind kind, int status,
                    String code, String retryAfter, long delayMillis) {
            this(method, pathRegex, skip, times, rate, Mode.ONE_OF,
                    List.of(new Fault(kind, status, code, retryAfter, delayMillis)));
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
    synchronized Optional<Fault> match(String method, String path) {
        for (Armed a : rules) {
            if ((a.rule.method() == null || a.rule.method().equalsIgnoreCase(method)) && a.path.matcher(path).matches()) {
                a.seen++;
                if (a.seen <= a.rule.skip() || (a.rule.times() >= 0 && a.fired >= a.rule.times())) {
                    continue;
                }
                if (a.rule.mode() == Mode.SEQUENCE && a.fired >= a.rule.faults().size()) {
                    continue;
                }
                if (a.rule.rate() < 1.0 && random.nextDouble() >= a.rule.rate()) {
                    continue;
                }
                Fault fault = a.rule.mode() == Mode.SEQUENCE ? a.rule.faults().get(a.fired)
                        : a.rule.faults().get(a.rule.faults().size() == 1 ? 0 : random.nextInt(a.rule.faults().size()));
                a.fired++;
                if (fault.kind() == Kind.PASS) {
                    return Optional.empty();
                }
                injected++;
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
