package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.ActivityModel;
import io.m365insights.simulator.tenant.ActivityProfile;
import io.m365insights.simulator.tenant.SimUser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The activity sources beyond the Apps report (CONTRACT.md §10): {@code getOffice365ActiveUserDetail(date=D)} and
 * {@code /copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')} (CSV through a 302, like the Apps report;
 * each with its own throttling budget; concealment and the missing permission as for every report), and sign-in
 * activity on {@code /users?$select=...signInActivity} (its own 10 requests per minute listing limit, 403 without
 * AuditLog.Read.All, 403 on a tenant without Entra ID P1). The control API switches these faults on.
 */
final class ActivityRoutes {
    /** Pages listing signInActivity hold at most this many users (CONTRACT.md §10.3: 500 in current docs). */
    static final int SIGN_IN_PAGE = 500;
    private static final Pattern DATE = Pattern.compile("date='?(\\d{4}-\\d{2}-\\d{2})'?");
    private static final Pattern PERIOD = Pattern.compile("period='?([A-Za-z0-9]+)'?");

    private final GraphSimulator sim;
    private final SlidingWindow activeUserThrottle = new SlidingWindow(14, 600_000);
    private final SlidingWindow copilotThrottle = new SlidingWindow(14, 600_000);
    private final SlidingWindow signInThrottle = new SlidingWindow(10, 60_000);
    private volatile boolean signInsForbidden;
    private volatile boolean noPremium;
    private volatile boolean activeUserNotServed;
    private volatile boolean copilotNotServed;

    ActivityRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router graph) {
        graph.add("GET", "/v1\\.0/reports/getOffice365ActiveUserDetail\\((.*)\\)", Router.Area.GRAPH, this::activeUsers);
        graph.add("GET", "/v1\\.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail\\((.*)\\)", Router.Area.GRAPH,
                this::copilot);
        graph.add("GET", "/_simulator/activity", Router.Area.CONTROL, this::raw);
        graph.add("PATCH", "/_simulator/activity", Router.Area.CONTROL, this::configure);
        graph.add("GET", "/_simulator/throttling", Router.Area.CONTROL, this::throttling);
    }

    void reset() {
        activeUserThrottle.reset();
        copilotThrottle.reset();
        signInThrottle.reset();
        signInsForbidden = false;
        noPremium = false;
        activeUserNotServed = false;
        copilotNotServed = false;
    }

    private SimResponse activeUsers(SimRequest r) {
        SimResponse refused = refused(r, activeUserNotServed, "getOffice365ActiveUserDetail");
        if (refused != null) {
            return refused;
        }
        Matcher m = DATE.matcher(r.group(1));
        if (!m.matches()) {
            return ODataErrors.error(400, "BadRequest",
                    "The simulator serves getOffice365ActiveUserDetail(date=...) only.", r);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            return ODataErrors.error(400, "InvalidArgument", "Invalid date value specified: " + m.group(1) + ".", r);
        }
        SimResponse throttled = activeUserThrottle.admit(r);
        if (throttled != null) {
            return throttled;
        }
        if (!sim.reports().servesDay(date)) {
            return ODataErrors.error(400, "InvalidArgument", "Invalid date value specified: " + date
                    + ". Only support data for the past 28 days.", r);
        }
        boolean concealed = sim.reports().concealed();
        LocalDate today = sim.today();
        return sim.reports().redirectToDownload(() -> ActivityCsv.services(date, sim.tenant().read(t ->
                ActivityModel.serviceReport(t, sim.seed(), date, today, concealed))));
    }

    private SimResponse copilot(SimRequest r) {
        SimResponse refused = refused(r, copilotNotServed, "getMicrosoft365CopilotUsageUserDetail");
        if (refused != null) {
            return refused;
        }
        Matcher m = PERIOD.matcher(r.group(1));
        if (!m.find() || !java.util.Set.of("D7", "D28", "D30", "D90", "D180", "ALL").contains(m.group(1))) {
            // the exact error for a bad period is unverified (CONTRACT.md §1.1)
            return ODataErrors.error(400, "BadRequest", "Invalid period: " + r.group(1) + ".", r);
        }
        SimResponse throttled = copilotThrottle.admit(r);
        if (throttled != null) {
            return throttled;
        }
        boolean concealed = sim.reports().concealed();
        LocalDate asOf = copilotAsOf();
        return sim.reports().redirectToDownload(() -> ActivityCsv.copilot(asOf, sim.tenant().read(t ->
                ActivityModel.copilotReport(t, sim.seed(), asOf, concealed))));
    }

    /** Copilot data runs up to today - 2 here (Microsoft says up to 72 h). */
    private LocalDate copilotAsOf() {
        return sim.today().minusDays(ReportRoutes.LATEST_DAY_OFFSET);
    }

    private SimResponse refused(SimRequest r, boolean notServed, String function) {
        if (sim.reports().reportsForbidden()) {
            return ODataErrors.error(403, "UnknownError",
                    "{\"error\":{\"code\":\"S2SUnauthorized\",\"message\":\"Invalid permission.\"}}", r);
        }
        if (notServed) { // e.g. a national cloud without the report; what Graph answers then is unverified
            return ODataErrors.error(400, "BadRequest", "Resource not found for the segment '" + function + "'.", r);
        }
        return null;
    }

    /**
     * The checks of a users listing that selects signInActivity; null when it may be served. Codes and texts of the
     * refusals are unverified (CONTRACT.md §10.3): 403 Authorization_RequestDenied without AuditLog.Read.All, and the
     * premium-license error seen in community reports for tenants without Entra ID P1/P2.
     */
    SimResponse signInGate(SimRequest r) {
        if (signInsForbidden) {
            return ODataErrors.error(403, "Authorization_RequestDenied",
                    "Insufficient privileges to complete the operation.", r);
        }
        if (noPremium) {
            return ODataErrors.error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                    "Neither tenant is B2C or tenant doesn't have premium license", r);
        }
        return signInThrottle.admit(r);
    }

    /** The signInActivity object of one user, as of the simulator's today. */
    ObjectNode signInActivity(io.m365insights.simulator.tenant.SimulatedTenant t, SimUser u, LocalDate today) {
        ActivityModel.SignIn s = ActivityModel.signIn(t, sim.seed(), u, today);
        ObjectNode n = Json.object();
        n.put("lastSignInDateTime", instant(s.lastInteractive()));
        n.put("lastSignInRequestId", requestId(s.lastInteractive(), u));
        n.put("lastNonInteractiveSignInDateTime", instant(s.lastNonInteractive()));
        n.put("lastNonInteractiveSignInRequestId", requestId(s.lastNonInteractive(), u));
        n.put("lastSuccessfulSignInDateTime", instant(s.lastSuccessful()));
        n.put("lastSuccessfulSignInRequestId", requestId(s.lastSuccessful(), u));
        return n;
    }

    private static String instant(Instant i) {
        return i == null ? ActivityModel.NEVER : i.toString();
    }

    private static String requestId(Instant i, SimUser u) {
        return i == null ? "" : UUID.nameUUIDFromBytes((u.id + "|" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * {@code GET /_simulator/activity?date=D}: for every directory user, what the sources say: the active user detail
     * report of D (null when the user is not in it), the Copilot report (null without a Copilot seat), signInActivity
     * as of today, and the person's habits, for tests to compute their expectations.
     */
    private SimResponse raw(SimRequest r) {
        LocalDate today = sim.today();
        LocalDate date = r.query().containsKey("date") ? LocalDate.parse(r.query().get("date"))
                : today.minusDays(ReportRoutes.LATEST_DAY_OFFSET);
        return sim.tenant().read(t -> {
            Map<UUID, ActivityModel.ServiceRow> services = new HashMap<>();
            ActivityModel.serviceReport(t, sim.seed(), date, today, false).stream().filter(x -> x.user() != null)
                    .forEach(x -> services.put(x.user().id, x));
            Map<UUID, ActivityModel.CopilotRow> copilot = new HashMap<>();
            ActivityModel.copilotReport(t, sim.seed(), copilotAsOf(), false).forEach(x -> copilot.put(x.user().id, x));
            ObjectNode body = Json.object().put("today", today.toString()).put("date", date.toString())
                    .put("copilotAsOf", copilotAsOf().toString());
            ArrayNode users = body.putArray("users");
            for (SimUser u : t.users()) {
                ObjectNode n = users.addObject().put("id", u.id.toString()).put("userPrincipalName", u.userPrincipalName)
                        .put("profile", ActivityProfile.of(sim.seed(), u).name());
                ActivityModel.ServiceRow s = services.get(u.id);
                if (s == null) {
                    n.putNull("services");
                } else {
                    ObjectNode sn = n.putObject("services");
                    s.services().forEach((k, v) -> sn.putObject(k.name()).put("licensed", v.licensed())
                            .put("lastActivityDate", date(v.lastActivity())).put("assignDate", date(v.assignDate())));
                }
                ActivityModel.CopilotRow c = copilot.get(u.id);
                if (c == null) {
                    n.putNull("copilot");
                } else {
                    ObjectNode cn = n.putObject("copilot").put("habit", ActivityProfile.copilot(sim.seed(), u).name())
                            .put("lastActivityDate", date(c.lastActivity()));
                    ObjectNode apps = cn.putObject("apps");
                    c.apps().forEach((k, v) -> apps.put(k.name(), date(v)));
                }
                n.set("signInActivity", signInActivity(t, u, today));
            }
            return SimResponse.json(200, Json.write(body));
        });
    }

    /**
     * {@code PATCH /_simulator/activity {signIns: {forbidden, noPremium, throttle: {enforced, limit, windowMillis}},
     * activeUserReport: {notServed, throttle}, copilotReport: {notServed, throttle}}}, each optional; a reset undoes it.
     */
    private SimResponse configure(SimRequest r) {
        JsonNode b = Json.read(r.body());
        if (b == null) {
            return ODataErrors.badRequest("A JSON object is required.", r);
        }
        JsonNode s = b.path("signIns");
        if (s.has("forbidden")) {
            signInsForbidden = s.get("forbidden").asBoolean();
        }
        if (s.has("noPremium")) {
            noPremium = s.get("noPremium").asBoolean();
        }
        signInThrottle.configure(s.path("throttle"));
        JsonNode a = b.path("activeUserReport");
        if (a.has("notServed")) {
            activeUserNotServed = a.get("notServed").asBoolean();
        }
        activeUserThrottle.configure(a.path("throttle"));
        JsonNode c = b.path("copilotReport");
        if (c.has("notServed")) {
            copilotNotServed = c.get("notServed").asBoolean();
        }
        copilotThrottle.configure(c.path("throttle"));
        return SimResponse.json(200, Json.write(Json.object().put("today", sim.today().toString())
                .put("signInsThrottled", signInThrottle.throttled())
                .put("activeUserReportThrottled", activeUserThrottle.throttled())
                .put("copilotReportThrottled", copilotThrottle.throttled())));
    }

    /**
     * {@code GET /_simulator/throttling}: per throttling budget (the Apps report, the active user detail report, the
     * Copilot usage report, the sign-in listing) its setting and the requests and 429s it saw since the last reset; for
     * the sign-in listing also the page size and the directory's users, so a benchmark can tell the fewest pages.
     */
    private SimResponse throttling(SimRequest r) {
        ObjectNode body = Json.object();
        body.set("appsReport", sim.reports().throttleStats());
        body.set("activeUserReport", activeUserThrottle.stats());
        body.set("copilotReport", copilotThrottle.stats());
        int users = sim.tenant().read(t -> t.users().size());
        body.set("signIns", signInThrottle.stats().put("pageSize", SIGN_IN_PAGE).put("directoryUsers", users));
        return SimResponse.json(200, Json.write(body));
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
