package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.SimAssignment;
import io.m365insights.simulator.tenant.SimGroup;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimUser;
import io.m365insights.simulator.tenant.SimulatedTenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The simulator's own control surface under {@code /_simulator}: not part of Microsoft Graph. Tests, benchmarks and
 * people in dev mode use it to change the tenant (as an admin would in the portal), inject faults and read what the
 * simulator received.
 */
final class ControlRoutes {
    private final GraphSimulator sim;

    ControlRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("GET", "/_simulator", Router.Area.CONTROL, this::index);
        router.add("POST", "/_simulator/reset", Router.Area.CONTROL, this::reset);
        router.add("GET", "/_simulator/tenant", Router.Area.CONTROL, this::tenant);
        router.add("PATCH", "/_simulator/users/([^/]+)", Router.Area.CONTROL, this::patchUser);
        router.add("DELETE", "/_simulator/users/([^/]+)", Router.Area.CONTROL, this::deleteUser);
        router.add("POST", "/_simulator/users/([^/]+)/licenses", Router.Area.CONTROL, this::changeLicenses);
        router.add("POST", "/_simulator/faults", Router.Area.CONTROL, this::addFault);
        router.add("DELETE", "/_simulator/faults", Router.Area.CONTROL, r -> {
            sim.faults().clear(sim.options().seed());
            return ok();
        });
        router.add("GET", "/_simulator/requests", Router.Area.CONTROL, this::requests);
        router.add("DELETE", "/_simulator/requests", Router.Area.CONTROL, r -> {
            sim.requestLog().clear();
            return ok();
        });
        router.add("POST", "/_simulator/tokens/revoke", Router.Area.CONTROL, r -> {
            sim.tokens().revokeAll();
            return ok();
        });
        router.add("POST", "/_simulator/paging", Router.Area.CONTROL, r -> {
            JsonNode b = Json.read(r.body());
            if (b == null || !b.path("maxPageSize").canConvertToInt()) {
                return ODataErrors.badRequest("maxPageSize is required.", r);
            }
            sim.maxPageSize(b.get("maxPageSize").asInt());
            return ok();
        });
        router.add("POST", "/_simulator/tokens/expire", Router.Area.CONTROL, r -> {
            sim.tokens().expireAll();
            return ok();
        });
    }

    private SimResponse index(SimRequest r) {
        ObjectNode n = Json.object().put("simulator", "Microsoft Graph simulator (m365-insights dev/test only)")
                .put("graphBaseUrl", sim.graphBaseUrl()).put("tokenUrl", sim.tokenUrl())
                .put("tenantId", sim.tenant().tenantId().toString()).put("users", (int) sim.tenant().read(SimulatedTenant::userCount));
        ArrayNode endpoints = n.putArray("control");
        List.of("POST /_simulator/reset {seed, users}", "GET /_simulator/tenant",
                "PATCH /_simulator/users/{id} {accountEnabled, department, jobTitle, usageLocation, displayName, mail}",
                "DELETE /_simulator/users/{id}",
                "POST /_simulator/users/{id}/licenses {add:[{skuId, groupId, disabledPlans, state, error, lastUpdatedDateTime}], remove:[{skuId, groupId}]}",
                "POST /_simulator/faults {method, pathRegex, skip, times, rate, kind, status, code, retryAfter, delayMillis}",
                "POST /_simulator/faults {method, pathRegex, skip, times, rate, mode: ONE_OF|SEQUENCE, faults: [{kind, "
                        + "status, code, retryAfter, delayMillis}]}",
                "DELETE /_simulator/faults", "GET|DELETE /_simulator/requests", "POST /_simulator/tokens/revoke",
                "POST /_simulator/tokens/expire", "GET /_simulator/subscriptions", "GET /_simulator/groups (licensing groups: kind, members, their inherited assignment state)",
                "PATCH /_simulator/groups/removals {lagListings, neverConverge} (user listings that still show a license "
                        + "inherited through a removed membership; until the next reset)", "PATCH /_simulator/subscriptions/{id} {status, nextLifecycleDateTime, totalLicenses}", "DELETE /_simulator/subscriptions/{id}", "POST /_simulator/paging {maxPageSize} (until the next reset)",
                "GET /_simulator/usage?date=YYYY-MM-DD (the rows of that day's usage report, as JSON)",
                "PATCH /_simulator/reports {concealed, forbidden, throttle: {enforced, limit, windowMillis}, "
                        + "clockOffsetDays, truncatedDates, reportDays}",
                "GET /_simulator/reports/stats (report files served, their rows, generation time)",
                "GET /_simulator/throttling (per throttling budget: setting, requests, 429s)",
                "GET /_simulator/activity?date=YYYY-MM-DD (per user: active user detail of that day, Copilot, sign-ins)",
                "PATCH /_simulator/activity {signIns: {forbidden, noPremium, throttle}, activeUserReport: {notServed, "
                        + "throttle}, copilotReport: {notServed, throttle}}",
                "POST /_simulator/api-tokens {roles, upn, name, audience, expiresInSeconds}")
                .forEach(endpoints::add);
        return SimResponse.json(200, Json.write(n));
    }

    private SimResponse reset(SimRequest r) {
        JsonNode body = Json.read(r.body());
        long seed = body != null && body.has("seed") ? body.get("seed").asLong() : sim.options().seed();
        int users = body != null && body.has("users") ? body.get("users").asInt() : sim.options().users();
        sim.reset(seed, users);
        return ok();
    }

    private SimResponse tenant(SimRequest r) {
        return sim.tenant().read(t -> {
            ObjectNode n = Json.object().put("tenantId", t.tenantId().toString());
            ArrayNode domains = n.putArray("verifiedDomains");
            t.verifiedDomains().forEach(domains::add);
            ArrayNode skus = n.putArray("skus");
            for (SimSku s : t.skus()) {
                skus.addObject().put("skuId", s.skuId.toString()).put("skuPartNumber", s.skuPartNumber)
                        .put("capabilityStatus", s.capabilityStatus).put("enabled", s.enabledUnits)
                        .put("suspended", s.suspendedUnits).put("warning", s.warningUnits)
                        .put("lockedOut", s.lockedOutUnits).put("consumed", t.consumedUnits(s.skuId))
                        .putArray("servicePlans").addAll(s.servicePlans.stream()
                                .map(p -> (com.fasterxml.jackson.databind.JsonNode) Json.object()
                                        .put("servicePlanName", p.servicePlanName())
                                        .put("servicePlanId", p.servicePlanId().toString())).toList());
            }
            ArrayNode groups = n.putArray("groups");
            for (SimGroup g : t.groups()) {
                groups.addObject().put("id", g.id().toString()).put("displayName", g.displayName())
                        .put("skuId", g.skuId().toString()).put("dynamic", g.dynamic()).put("unified", g.unified())
                        .put("mailEnabled", g.mailEnabled()).put("securityEnabled", g.securityEnabled())
                        .put("onPremisesSyncEnabled", g.onPremisesSyncEnabled()).put("membershipRule", g.membershipRule());
            }
            ArrayNode users = n.putArray("users");
            for (SimUser u : t.users()) {
                ObjectNode un = users.addObject().put("id", u.id.toString())
                        .put("userPrincipalName", u.userPrincipalName).put("displayName", u.displayName)
                        .put("mail", u.mail).put("accountEnabled", u.accountEnabled).put("department", u.department)
                        .put("jobTitle", u.jobTitle).put("usageLocation", u.usageLocation)
                        .put("createdDateTime", u.createdDateTime.toString());
                ArrayNode as = un.putArray("assignments");
                for (SimAssignment a : u.assignments) {
                    ObjectNode an = as.addObject().put("skuId", a.skuId().toString())
                            .put("groupId", a.groupId() == null ? null : a.groupId().toString())
                            .put("state", a.state()).put("error", a.error())
                            .put("lastUpdatedDateTime", a.lastUpdated().toString());
                    ArrayNode dp = an.putArray("disabledPlans");
                    a.disabledPlans().forEach(p -> dp.add(p.toString()));
                }
            }
            return SimResponse.json(200, Json.write(n));
        });
    }

    private SimResponse patchUser(SimRequest r) {
        JsonNode body = Json.read(r.body());
        if (body == null || !body.isObject()) {
            return ODataErrors.badRequest("A JSON object is required.", r);
        }
        String key = r.group(1);
        boolean found = sim.tenant().read(t -> t.user(key).map(u -> {
            if (body.has("accountEnabled")) {
                u.accountEnabled = body.get("accountEnabled").asBoolean();
            }
            if (body.has("department")) {
                u.department = text(body, "department");
            }
            if (body.has("jobTitle")) {
                u.jobTitle = text(body, "jobTitle");
            }
            if (body.has("usageLocation")) {
                u.usageLocation = text(body, "usageLocation");
            }
            if (body.has("displayName")) {
                u.displayName = text(body, "displayName");
            }
            if (body.has("mail")) {
                u.mail = text(body, "mail");
            }
            return true;
        }).orElse(false));
        return found ? ok() : ODataErrors.notFound(key, r);
    }

    private SimResponse deleteUser(SimRequest r) {
        String key = r.group(1);
        boolean removed = sim.tenant().read(t -> t.user(key).map(u -> t.removeUser(u.id)).orElse(false));
        return removed ? ok() : ODataErrors.notFound(key, r);
    }

    private SimResponse changeLicenses(SimRequest r) {
        JsonNode body = Json.read(r.body());
        if (body == null || !body.isObject()) {
            return ODataErrors.badRequest("A JSON object is required.", r);
        }
        String key = r.group(1);
        boolean found = sim.tenant().read(t -> t.user(key).map(u -> {
            for (JsonNode rm : body.path("remove")) {
                UUID sku = UUID.fromString(rm.get("skuId").asText());
                UUID group = uuidOrNull(rm, "groupId");
                u.assignments.removeIf(a -> a.skuId().equals(sku) && Objects.equals(a.groupId(), group));
            }
            for (JsonNode add : body.path("add")) {
                List<UUID> plans = new ArrayList<>();
                add.path("disabledPlans").forEach(p -> plans.add(UUID.fromString(p.asText())));
                u.assignments.add(new SimAssignment(UUID.fromString(add.get("skuId").asText()), uuidOrNull(add, "groupId"),
                        plans, add.hasNonNull("state") ? add.get("state").asText() : "Active", text(add, "error"),
                        add.hasNonNull("lastUpdatedDateTime") ? Instant.parse(add.get("lastUpdatedDateTime").asText())
                                : sim.now().truncatedTo(ChronoUnit.SECONDS)));
            }
            return true;
        }).orElse(false));
        return found ? ok() : ODataErrors.notFound(key, r);
    }

    private SimResponse addFault(SimRequest r) {
        JsonNode b = Json.read(r.body());
        if (b == null || !b.hasNonNull("pathRegex")) {
            return ODataErrors.badRequest("pathRegex is required.", r);
        }
        try {
            List<FaultInjector.Fault> faults = new ArrayList<>();
            if (b.has("faults")) {
                b.get("faults").forEach(f -> faults.add(fault(f)));
            } else {
                faults.add(fault(b));
            }
            sim.faults().add(new FaultInjector.Rule(text(b, "method"), b.get("pathRegex").asText(),
                    b.path("skip").asInt(0), b.path("times").asInt(-1), b.path("rate").asDouble(1.0),
                    b.hasNonNull("mode") ? FaultInjector.Mode.valueOf(b.get("mode").asText()) : null, faults));
        } catch (IllegalArgumentException e) {
            return ODataErrors.badRequest(e.getMessage(), r);
        }
        return ok();
    }

    private static FaultInjector.Fault fault(JsonNode f) {
        return new FaultInjector.Fault(f.hasNonNull("kind") ? FaultInjector.Kind.valueOf(f.get("kind").asText()) : null,
                f.path("status").asInt(503), text(f, "code"), text(f, "retryAfter"), f.path("delayMillis").asLong(0));
    }

    private SimResponse requests(SimRequest r) {
        ArrayNode arr = Json.array();
        for (RequestLog.Entry e : sim.requestLog().entries()) {
            ObjectNode n = arr.addObject().put("method", e.method()).put("path", e.path()).put("body", e.body())
                    .put("authorized", e.authorized()).put("status", e.status()).put("requestId", e.requestId());
            ObjectNode q = n.putObject("query");
            e.query().forEach(q::put);
            ObjectNode h = n.putObject("headers");
            e.headers().forEach(h::put);
        }
        return SimResponse.json(200, Json.write(arr));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static UUID uuidOrNull(JsonNode n, String field) {
        return n.hasNonNull(field) ? UUID.fromString(n.get(field).asText()) : null;
    }

    private static SimResponse ok() {
        return SimResponse.json(200, "{\"ok\":true}");
    }
}
