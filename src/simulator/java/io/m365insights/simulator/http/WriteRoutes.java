package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.SimAssignment;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimUser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The write side of Microsoft Graph (CONTRACT.md §5-6): {@code POST /users/{id}/assignLicense}, {@code POST /users},
 * {@code PATCH /users/{id}}. Changes are made to the tenant at once, so the next sync sees them. Refusals use the
 * status, code and message CONTRACT.md records; where it marks them unverified, the comment says so.
 */
final class WriteRoutes {
    private static final Set<String> CREATABLE = Set.of("accountEnabled", "displayName", "mailNickname",
            "userPrincipalName", "passwordProfile", "usageLocation", "department", "jobTitle", "givenName", "surname",
            "mail", "@odata.type");
    private static final Set<String> PATCHABLE = Set.of("accountEnabled", "displayName", "usageLocation",
            "department", "jobTitle", "givenName", "surname", "mail", "@odata.type");
    /** CONTRACT.md §6: the characters allowed before the @ of a user principal name. */
    private static final Pattern UPN = Pattern.compile("([A-Za-z0-9'._!#^~-]+)@([A-Za-z0-9.-]+)");
    private static final Pattern USAGE_LOCATION = Pattern.compile("[A-Z]{2}");
    private final GraphSimulator sim;

    WriteRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("POST", "/v1\\.0/users", Router.Area.GRAPH, this::createUser);
        router.add("PATCH", "/v1\\.0/users/([^/]+)", Router.Area.GRAPH, this::patchUser);
        router.add("POST", "/v1\\.0/users/([^/]+)/assignLicense", Router.Area.GRAPH, this::assignLicense);
    }

    private SimResponse assignLicense(SimRequest r) {
        JsonNode body = Json.read(r.body());
        if (body == null || !body.isObject()) {
            return ODataErrors.badRequest("Empty Payload. JSON content expected.", r);
        }
        List<String> missing = new ArrayList<>();
        for (String p : List.of("addLicenses", "removeLicenses")) {
            if (!body.hasNonNull(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) { // the message CONTRACT.md §5 records (with both missing, the list format is a guess)
            return ODataErrors.badRequest("One or more parameters of the operation 'assignLicense' are missing from "
                    + "the request payload. The missing parameters are: " + String.join(",", missing) + ".", r);
        }
        List<SimAssignment> adds = new ArrayList<>();
        List<UUID> removes = new ArrayList<>();
        try {
            for (JsonNode a : body.get("addLicenses")) {
                List<UUID> plans = new ArrayList<>();
                a.path("disabledPlans").forEach(p -> plans.add(UUID.fromString(p.asText())));
                adds.add(new SimAssignment(UUID.fromString(a.path("skuId").asText()), null, plans, "Active", null,
                        sim.now().truncatedTo(ChronoUnit.SECONDS)));
            }
            body.get("removeLicenses").forEach(s -> removes.add(UUID.fromString(s.asText())));
        } catch (IllegalArgumentException e) {
            return ODataErrors.badRequest("Invalid GUID in the request payload.", r);
        }
        String key = r.group(1);
        return sim.tenant().update(t -> {
            SimUser u = t.user(key).orElse(null);
            if (u == null) {
                return ODataErrors.notFound(key, r);
            }
            // Graph applies the whole request or none of it: check everything first.
            for (UUID sku : removes) {
                boolean direct = u.assignments.stream().anyMatch(a -> a.direct() && a.skuId().equals(sku));
                boolean inherited = u.assignments.stream().anyMatch(a -> !a.direct() && a.skuId().equals(sku));
                if (!direct && inherited) { // message confirmed; status and code unverified (CONTRACT.md §5)
                    return ODataErrors.badRequest("User license is inherited from a group membership and it cannot "
                            + "be removed directly from the user.", r);
                }
                if (!direct) { // neither message nor code verified
                    return ODataErrors.badRequest("User does not have a corresponding license.", r);
                }
            }
            for (SimAssignment add : adds) {
                SimSku sku = t.sku(add.skuId()).orElse(null);
                if (sku == null) { // message from public tests; code unverified (CONTRACT.md §5)
                    return ODataErrors.badRequest("License " + add.skuId() + " does not correspond to a valid company "
                            + "License.", r);
                }
                if (u.usageLocation == null) {
                    return ODataErrors.badRequest("License assignment cannot be done for user with invalid usage "
                            + "location.", r);
                }
                boolean newSeat = !u.effectiveSkuIds().contains(sku.skuId);
                if (newSeat && t.consumedUnits(sku.skuId) >= sku.enabledUnits) { // only the suffix is verified
                    return ODataErrors.badRequest("Subscription " + sku.skuPartNumber + " for this organization does "
                            + "not have any available licenses.", r);
                }
            }
            u.assignments.removeIf(a -> a.direct() && removes.contains(a.skuId()));
            for (SimAssignment add : adds) {
                u.assignments.removeIf(a -> a.direct() && a.skuId().equals(add.skuId()));
                u.assignments.add(add);
            }
            return userResponse(200, u, List.of("id", "displayName", "userPrincipalName", "accountEnabled",
                    "assignedLicenses"));
        });
    }

    private SimResponse createUser(SimRequest r) {
        JsonNode body = Json.read(r.body());
        if (body == null || !body.isObject()) {
            return ODataErrors.badRequest("Empty Payload. JSON content expected.", r);
        }
        SimResponse unknown = unknownProperty(body, CREATABLE, r);
        if (unknown != null) {
            return unknown;
        }
        // Required properties (CONTRACT.md §6). The message for a missing one is unverified.
        for (String p : List.of("accountEnabled", "displayName", "mailNickname", "userPrincipalName")) {
            if (!body.hasNonNull(p) || body.get(p).asText().isBlank()) {
                return invalidValue(p, r);
            }
        }
        String password = body.path("passwordProfile").path("password").asText(null);
        if (password == null || password.isEmpty()) {
            return invalidValue("passwordProfile", r);
        }
        String upn = body.get("userPrincipalName").asText();
        var m = UPN.matcher(upn);
        if (!m.matches()) {
            return invalidValue("userPrincipalName", r);
        }
        String location = text(body, "usageLocation");
        if (location != null && !USAGE_LOCATION.matcher(location).matches()) {
            return invalidValue("usageLocation", r);
        }
        String domain = m.group(2);
        return sim.tenant().update(t -> {
            if (t.verifiedDomains().stream().noneMatch(d -> d.equalsIgnoreCase(domain))) {
                return ODataErrors.badRequest("The domain portion of the userPrincipalName property is invalid. You "
                        + "must use one of the verified domain names in your organization.", r);
            }
            if (t.user(upn).isPresent()) {
                return ODataErrors.badRequest("Another object with the same value for property userPrincipalName "
                        + "already exists.", r);
            }
            if (!PasswordPolicy.complexEnough(password)) {
                return ODataErrors.badRequest("The specified password does not comply with password complexity "
                        + "requirements. Please provide a different password.", r);
            }
            SimUser u = new SimUser(UUID.randomUUID(), upn, body.get("displayName").asText(), text(body, "givenName"),
                    text(body, "surname"), sim.now().truncatedTo(ChronoUnit.SECONDS));
            u.accountEnabled = body.get("accountEnabled").asBoolean();
            u.usageLocation = location;
            u.department = text(body, "department");
            u.jobTitle = text(body, "jobTitle");
            u.mail = text(body, "mail");
            t.addUser(u);
            return userResponse(201, u, GraphJson.DEFAULT_USER_PROPERTIES);
        });
    }

    private SimResponse patchUser(SimRequest r) {
        JsonNode body = Json.read(r.body());
        if (body == null || !body.isObject()) {
            return ODataErrors.badRequest("Empty Payload. JSON content expected.", r);
        }
        SimResponse unknown = unknownProperty(body, PATCHABLE, r);
        if (unknown != null) {
            return unknown;
        }
        String location = text(body, "usageLocation");
        if (location != null && !USAGE_LOCATION.matcher(location).matches()) {
            return invalidValue("usageLocation", r);
        }
        String key = r.group(1);
        return sim.tenant().update(t -> {
            SimUser u = t.user(key).orElse(null);
            if (u == null) {
                return ODataErrors.notFound(key, r);
            }
            if (body.has("accountEnabled")) {
                u.accountEnabled = body.get("accountEnabled").asBoolean();
            }
            if (body.has("usageLocation")) {
                u.usageLocation = location;
            }
            if (body.has("displayName")) {
                u.displayName = text(body, "displayName");
            }
            if (body.has("department")) {
                u.department = text(body, "department");
            }
            if (body.has("jobTitle")) {
                u.jobTitle = text(body, "jobTitle");
            }
            if (body.has("givenName")) {
                u.givenName = text(body, "givenName");
            }
            if (body.has("surname")) {
                u.surname = text(body, "surname");
            }
            if (body.has("mail")) {
                u.mail = text(body, "mail");
            }
            return SimResponse.empty(204);
        });
    }

    private static SimResponse userResponse(int status, SimUser u, List<String> properties) {
        ObjectNode n = Json.object();
        n.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
        n.setAll(GraphJson.user(u, properties));
        return SimResponse.json(status, Json.write(n));
    }

    /** Graph refuses properties it does not know or cannot write; the exact message is unverified. */
    private static SimResponse unknownProperty(JsonNode body, Set<String> allowed, SimRequest r) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                return ODataErrors.badRequest("Property '" + f + "' cannot be written on type 'microsoft.graph.user'.", r);
            }
        }
        return null;
    }

    private static SimResponse invalidValue(String property, SimRequest r) {
        return ODataErrors.badRequest("Invalid value specified for property '" + property + "' of resource 'User'.", r);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
