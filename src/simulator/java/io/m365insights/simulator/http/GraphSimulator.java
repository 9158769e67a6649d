package io.m365insights.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.m365insights.simulator.SimulatorOptions;
import io.m365insights.simulator.tenant.SimulatedTenant;
import io.m365insights.simulator.tenant.TenantGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A simulated Microsoft 365 tenant behind Microsoft Graph's HTTP contract (../shared/msgraph/CONTRACT.md), for dev
 * mode, tests and benchmarks only: production never starts it. Our production sync code talks to it unchanged, through
 * the real Microsoft Graph SDK and the real OIDC token client.
 */
public final class GraphSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GraphSimulator.class.getName());
    private static final int DEFAULT_MAX_PAGE_SIZE = 999;

    private final SimulatorOptions options;
    private final HttpServer server;
    /** Serves report downloads: another host name (127.0.0.1) and port, as Microsoft's download host is. */
    private final HttpServer downloadServer;
    private final Router downloadRouter = new Router();
    private final ReportRoutes reports;
    private final ActivityRoutes activity;
    private final SubscriptionRoutes subscriptions;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Router router = new Router();
    private final TokenIssuer tokens;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requestLog = new RequestLog();
    private final IdentityRoutes identity;
    private volatile SimulatedTenant tenant;
    private volatile long seed;
    private volatile int maxPageSize = DEFAULT_MAX_PAGE_SIZE;

    private GraphSimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        this.tokens = new TokenIssuer(options.clock());
        reports = new ReportRoutes(this);
        activity = new ActivityRoutes(this);
        this.tenant = TenantGenerator.generate(options.seed(), options.users(), null, reports.today());
        this.seed = options.seed();
        new TokenRoutes(this).register(router);
        new DirectoryRoutes(this).register(router);
        new WriteRoutes(this).register(router);
        new ControlRoutes(this).register(router);
        identity = new IdentityRoutes(this);
        identity.register(router);
        reports.register(router, downloadRouter);
        activity.register(router);
        subscriptions = new SubscriptionRoutes(this);
        subscriptions.register(router);
        subscriptions.regenerate();
        server = HttpServer.create(new InetSocketAddress("localhost", options.port()), 256);
        server.createContext("/", exchange -> handle(exchange, router));
        server.setExecutor(executor);
        downloadServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        downloadServer.createContext("/", exchange -> handle(exchange, downloadRouter));
        downloadServer.setExecutor(executor);
    }

    public static GraphSimulator start(SimulatorOptions options) {
        try {
            GraphSimulator sim = new GraphSimulator(options);
            sim.server.start();
            sim.downloadServer.start();
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Microsoft Graph simulator on port " + options.port(), e);
        }
    }

    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Where report downloads are served: a different host and port than Graph. */
    String downloadOrigin() {
        return "http://127.0.0.1:" + downloadServer.getAddress().getPort();
    }

    public String graphBaseUrl() {
        return origin() + "/v1.0";
    }

    public String tokenUrl() {
        return origin() + "/" + tenant.tenantId() + "/oauth2/v2.0/token";
    }

    /** "Now" for the simulated tenant (SimulatorOptions.clock): every date and time the simulator hands out. */
    public java.time.Instant now() {
        return options.clock().instant();
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The seed of the current tenant (its usage is derived from it). */
    public long seed() {
        return seed;
    }

    public SimulatedTenant tenant() {
        return tenant;
    }

    /** The simulator's one "today" (reports, sign-ins, new starters); the control API can move it by whole days. */
    public java.time.LocalDate today() {
        return reports.today();
    }

    ReportRoutes reports() {
        return reports;
    }

    ActivityRoutes activity() {
        return activity;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    TokenIssuer tokens() {
        return tokens;
    }

    /** The largest page served, whatever {@code $top} asks (Graph pages server-side too); reset restores 999. */
    public int maxPageSize() {
        return maxPageSize;
    }

    public void maxPageSize(int size) {
        maxPageSize = Math.max(1, Math.min(DEFAULT_MAX_PAGE_SIZE, size));
    }

    /**
     * Replaces the tenant with a freshly generated one and forgets faults and received requests. The tenant id stays,
     * so the app's token URL and the tokens it holds remain valid.
     */
    public void reset(long seed, int users) {
        reports.reset();
        activity.reset();
        tenant = TenantGenerator.generate(seed, users, tenant.tenantId(), reports.today());
        this.seed = seed;
        subscriptions.regenerate();
        faults.clear(seed);
        requestLog.clear();
        maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    }

    /** The application settings that point m365-insights at this simulator. */
    public Map<String, String> appConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("m365.tenant-id", tenant.tenantId().toString());
        config.put("m365.client-id", options.clientId());
        config.put("m365.client-secret", options.clientSecret());
        config.put("m365.graph-base-url", graphBaseUrl());
        config.put("m365.token-url", tokenUrl());
        config.put("m365.simulator.url", origin());
        // the simulator does not throttle reports unless asked to: no need to pace them at Microsoft's rate
        config.put("m365.reports.rate-window", "1s");
        config.put("m365.sign-ins.rate-window", "1s");
        // the simulated Entra ID also issues the tokens callers present to our API
        config.put("quarkus.oidc.auth-server-url", identity.issuer());
        config.put("quarkus.oidc.client-id", IdentityRoutes.API_CLIENT_ID);
        return config;
    }

    @Override
    public void close() {
        server.stop(0);
        downloadServer.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange, Router router) {
        SimRequest request = null;
        AtomicInteger status = new AtomicInteger(500);
        AtomicReference<String> answerId = new AtomicReference<>();
        try (exchange) {
            request = SimRequest.from(exchange, now());
            if (!request.path().startsWith("/_simulator")) { // the control API is not logged
                // logged on arrival (status pending), so a request whose answer is delayed or lost is in the log too
                status.set(RequestLog.PENDING);
                boolean secretBody = request.path().endsWith("/token");
                requestLog.add(new RequestLog.Entry(request.method(), request.path(), request.query(),
                        secretBody ? "[redacted]" : BodyRedaction.forLog(request), request.header("authorization") != null,
                        status, answerId));
            }
            Optional<SimResponse> response = dispatch(request, router);
            if (response.isEmpty()) {
                status.set(0); // dropped connection: close without a response
                return;
            }
            response.get().headers().putIfAbsent("request-id", UUID.randomUUID().toString());
            // recorded before answering, so whoever got the answer finds it in the log
            answerId.set(response.get().headers().get("request-id"));
            status.set(response.get().status());
            try {
                write(exchange, request, response.get());
            } catch (IOException gone) {
                // the client went away, e.g. it timed out on a delayed answer: nobody to answer
                LOG.log(Level.FINE, "client gone before the answer to " + request.path(), gone);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "simulator failed to answer " + exchange.getRequestURI().getPath(), e);
            status.set(500);
            try {
                write(exchange, request, ODataErrors.error(500, "UnknownError", "Simulator failure.", request));
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    private Optional<SimResponse> dispatch(SimRequest request, Router router) throws Exception {
        Optional<Router.Match> match = router.find(request.method(), request.path());
        if (match.isEmpty()) {
            String segment = request.path().substring(request.path().lastIndexOf('/') + 1);
            return Optional.of(ODataErrors.error(400, "BadRequest", "Resource not found for the segment '"
                    + segment + "'.", request));
        }
        Router.Route route = match.get().route();
        if (route.handler() == null) {
            return Optional.of(ODataErrors.error(405, "Request_BadRequest", "The HTTP method '" + request.method()
                    + "' is not allowed for this resource.", request));
        }
        boolean dropResponse = false;
        if (route.area() != Router.Area.CONTROL) {
            Optional<FaultInjector.Fault> fault = faults.match(request.method(), request.path());
            if (fault.isPresent()) {
                FaultInjector.Fault f = fault.get();
                switch (f.kind()) {
                    case DROP_CONNECTION -> {
                        return Optional.empty();
                    }
                    case DELAY -> Thread.sleep(f.delayMillis());
                    case DROP_RESPONSE -> dropResponse = true;
                    case PASS -> {
                        // never returned by match()
                    }
                    case STATUS -> {
                        SimResponse r = route.area() == Router.Area.TOKEN ? TokenRoutes.fault(f.status(), request.receivedAt())
                                : ODataErrors.error(f.status(), f.code(), "Simulated fault.", request);
                        if (f.retryAfter() != null) {
                            r.header("Retry-After", f.retryAfter());
                        }
                        return Optional.of(r);
                    }
                }
            }
        }
        if (route.area() == Router.Area.GRAPH) {
            switch (tokens.check(request.header("authorization"))) {
                case MISSING -> {
                    return Optional.of(ODataErrors.error(401, "InvalidAuthenticationToken", "Access token is empty.", request));
                }
                case EXPIRED -> {
                    return Optional.of(ODataErrors.error(401, "InvalidAuthenticationToken",
                            "Lifetime validation failed, the token is expired.", request));
                }
                case UNKNOWN -> {
                    return Optional.of(ODataErrors.error(401, "InvalidAuthenticationToken",
                            "Access token validation failure.", request));
                }
                case VALID -> {
                    // go on
                }
            }
        }
        SimResponse response = route.handler().handle(request.withMatch(match.get().matcher()));
        return dropResponse ? Optional.empty() : Optional.of(response);
    }

    private static void write(HttpExchange exchange, SimRequest request, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (!exchange.getResponseHeaders().containsKey("request-id")) {
            exchange.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
        }
        exchange.getResponseHeaders().set("client-request-id", ODataErrors.clientRequestId(request));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Runs the simulator on its own, e.g. for benchmarks: {@code --port 8089 --users 100000 --seed 42 --client-secret s
     * --report-days 365} ({@code --report-days}: serve usage reports this many days back instead of Microsoft's 28;
     * benchmarks only).
     */
    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions o = SimulatorOptions.defaults().withPort(8089).withClientSecret("simulator-secret");
        int reportDays = ReportRoutes.KEPT_DAYS;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--report-days")) {
                reportDays = Integer.parseInt(args[i + 1]);
                continue;
            }
            o = switch (args[i]) {
                case "--port" -> o.withPort(Integer.parseInt(args[i + 1]));
                case "--users" -> o.withUsers(Integer.parseInt(args[i + 1]));
                case "--seed" -> o.withSeed(Long.parseLong(args[i + 1]));
                case "--client-secret" -> o.withClientSecret(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            };
        }
        GraphSimulator sim = start(o);
        sim.reports.startupKeptDays(reportDays);
        System.out.println("Microsoft Graph simulator: " + sim.tenant().read(SimulatedTenant::userCount) + " users at "
                + sim.graphBaseUrl());
        System.out.println("M365_TENANT_ID=" + sim.tenant().tenantId());
        System.out.println("M365_CLIENT_ID=" + o.clientId());
        System.out.println("M365_GRAPH_BASE_URL=" + sim.graphBaseUrl());
        System.out.println("M365_TOKEN_URL=" + sim.tokenUrl());
        System.out.println("M365_CLIENT_SECRET: the value of --client-secret (default: simulator-secret)");
        Thread.currentThread().join();
    }
}
