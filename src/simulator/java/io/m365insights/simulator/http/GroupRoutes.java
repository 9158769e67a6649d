package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.SimGroup;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimUser;
import io.m365insights.simulator.tenant.SimulatedTenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Licensing groups (CONTRACT.md §10.5, {@code Group.Read.All}): {@code GET /groups} with exactly the advanced query
 * that lists the groups carrying licenses ({@code $filter=assignedLicenses/$count ne 0}, {@code $count=true}, header
 * {@code ConsistencyLevel: eventual} on every page — Graph does not carry it into the nextLink), and
 * {@code GET /groups/{id}/members} ({@code $select=id}, {@code $top} 1–999, paged). The raw groups, their kind and
 * members are at {@code GET /_simulator/groups}.
 * <p>
 * Unverified (CONTRACT.md states them for {@code /users} only, assumed the same here): the default page of 100, the
 * {@code $top} bound of 999 and its error text, {@code @odata.count} on the first page only, and that the header must
 * be sent again on every nextLink page. Also unverified: Graph's exact 400 message for {@code ne} without the
 * parameters (the saved sample is for {@code endsWith}), and {@code onPremisesSyncEnabled} being null (not false) for
 * a cloud-only group.
 */
final class GroupRoutes {
    static final String LICENSED_FILTER = "assignedLicenses/$count ne 0";
    static final Set<String> GROUP_PROPERTIES = Set.of("id", "displayName", "assignedLicenses", "groupTypes",
            "mailEnabled", "securityEnabled", "onPremisesSyncEnabled", "membershipRule");
    private final GraphSimulator sim;

    GroupRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("GET", "/v1\\.0/groups", Router.Area.GRAPH, this::list);
        router.add("GET", "/v1\\.0/groups/([^/]+)/members", Router.Area.GRAPH, this::members);
        router.add("GET", "/_simulator/groups", Router.Area.CONTROL, r -> sim.tenant().read(t ->
                SimResponse.json(200, Json.write(raw(t)))));
        router.add("DELETE", "/v1\\.0/groups/([^/]+)/members/([^/]+)/\\$ref", Router.Area.GRAPH, this::removeMember);
        router.add("POST", "/v1\\.0/users/([^/]+)/reprocessLicenseAssignment", Router.Area.GRAPH, this::reprocess);
        router.add("PATCH", "/_simulator/groups/removals", Router.Area.CONTROL, this::removalSettings);
    }

    /**
     * {@code DELETE /groups/{id}/members/{userId}/$ref} → 204 (CONTRACT.md §10.5). The membership goes at once; the
     * inherited license stays in the next {@code groupRemovalLag} user listings, then goes (asynchronous, as in
     * Microsoft 365). Refusals: a dynamic group, a group synced from on-premises AD and a mail-enabled security group
     * cannot have members removed through Graph. Their status and code ({@code 400 Request_BadRequest}) and messages
     * are unverified: CONTRACT.md records no error body for them; the on-premises and mail-enabled messages are the ones
     * Graph is widely reported to send for writes to such groups, the dynamic one is a guess. Not a member (or no such
     * group) → Graph's 404 {@code Request_ResourceNotFound}.
     */
    private SimResponse removeMember(SimRequest r) {
        String groupKey = r.group(1);
        String userKey = r.group(2);
        return sim.tenant().update(t -> {
            SimGroup g = t.groups().stream().filter(x -> x.id().toString().equalsIgnoreCase(groupKey)).findFirst()
                    .orElse(null);
            if (g == null) {
                return ODataErrors.notFound(groupKey, r);
            }
            if (g.dynamic()) {
                return ODataErrors.badRequest("Cannot add or remove members of a group with dynamic membership; "
                        + "change its membershipRule instead.", r);
            }
            if (g.onPremisesSyncEnabled()) {
                return ODataErrors.badRequest("Unable to update the specified properties for on-premises mastered "
                        + "Directory Sync objects or objects currently undergoing migration.", r);
            }
            if (g.mailEnabled() && !g.unified()) {
                return ODataErrors.badRequest("Cannot Update a mail-enabled security groups and or distribution "
                        + "list.", r);
            }
            SimUser u = t.user(userKey).orElse(null);
            if (u == null || !members(t, g).contains(u)) {
                return ODataErrors.notFound(userKey, r);
            }
            t.pendingGroupRemovals.put(u.id + " " + g.id(), t.groupRemovalLag);
            return SimResponse.empty(204);
        });
    }

    /** {@code POST /users/{id}/reprocessLicenseAssignment} → 200 with the user (CONTRACT.md §10.5); nothing else changes. */
    private SimResponse reprocess(SimRequest r) {
        String key = r.group(1);
        return sim.tenant().read(t -> t.user(key).map(u -> SimResponse.json(200, Json.write(Json.object()
                .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity")
                .put("id", u.id.toString()).put("userPrincipalName", u.userPrincipalName))))
                .orElseGet(() -> ODataErrors.notFound(key, r)));
    }

    /** {@code PATCH /_simulator/groups/removals {lagListings, neverConverge}} (until the next reset). */
    private SimResponse removalSettings(SimRequest r) {
        com.fasterxml.jackson.databind.JsonNode b = Json.read(r.body());
        if (b == null || !b.isObject()) {
            return ODataErrors.badRequest("A JSON object {lagListings, neverConverge} is required.", r);
        }
        sim.tenant().write(t -> {
            if (b.has("lagListings")) {
                t.groupRemovalLag = Math.max(0, b.get("lagListings").asInt());
            }
            if (b.has("neverConverge")) {
                t.groupRemovalsNeverConverge = b.get("neverConverge").asBoolean();
            }
        });
        return SimResponse.json(200, "{}");
    }

    /** Called when a user listing begins (its first page): removed memberships' licenses age by one listing. */
    static void userListingStarted(GraphSimulator sim, SimRequest r) {
        if (!r.query().containsKey("$skiptoken")) {
            sim.tenant().write(io.m365insights.simulator.tenant.SimulatedTenant::userListingStarted);
        }
    }

    private SimResponse list(SimRequest r) {
        String filter = r.query().get("$filter");
        boolean eventual = "eventual".equalsIgnoreCase(r.header("ConsistencyLevel"));
        boolean count = "true".equalsIgnoreCase(r.query().get("$count"));
        if (filter != null && (!eventual || !count)) {
            // Graph's answer to an advanced query without its parameters (samples/errors/400-advanced-query-…)
            return ODataErrors.error(400, "Request_UnsupportedQuery", "Operator 'ne' is not supported because the "
                    + "required parameters might be missing. Try adding $count=true query parameter and "
                    + "ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more "
                    + "information", r);
        }
        if (filter == null || !filter.replaceAll("\\s+", " ").trim().equalsIgnoreCase(LICENSED_FILTER)) {
            return ODataErrors.error(400, "Request_UnsupportedQuery", "The simulator implements only $filter="
                    + LICENSED_FILTER + " on /groups.", r);
        }
        for (String option : List.of("$search", "$orderby", "$expand", "$skip")) {
            if (r.query().containsKey(option)) {
                return ODataErrors.error(400, "Request_UnsupportedQuery", "The simulator does not implement "
                        + option + " on /groups.", r);
            }
        }
        List<String> select;
        String rawSelect = r.query().get("$select");
        if (rawSelect == null || rawSelect.isBlank()) {
            select = List.copyOf(GROUP_PROPERTIES); // the simulator's default: every property it has
        } else {
            select = Arrays.stream(rawSelect.split(",")).map(String::trim).toList();
            for (String f : select) {
                if (!GROUP_PROPERTIES.contains(f)) {
                    return ODataErrors.badRequest("Could not find a property named '" + f
                            + "' on type 'microsoft.graph.group'.", r);
                }
            }
        }
        Paging paging = Paging.of(r, sim.maxPageSize());
        if (paging.error() != null) {
            return paging.error();
        }
        return sim.tenant().read(t -> {
            List<SimGroup> groups = t.groups(); // every simulated group carries a license
            ObjectNode body = Json.object();
            body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#groups(" + String.join(",", select) + ")");
            if (paging.offset() == 0) { // @odata.count only on the first page (§4)
                body.put("@odata.count", groups.size());
            }
            int to = Math.min(groups.size(), paging.offset() + paging.size());
            if (to < groups.size()) {
                body.put("@odata.nextLink", Paging.nextLink(r, "/v1.0/groups", to));
            }
            ArrayNode value = body.putArray("value");
            for (int i = paging.offset(); i < to; i++) {
                value.add(json(groups.get(i), select));
            }
            return SimResponse.json(200, Json.write(body));
        });
    }

    private SimResponse members(SimRequest r) {
        String key = r.group(1);
        for (String option : List.of("$filter", "$search", "$orderby", "$expand", "$skip", "$count")) {
            if (r.query().containsKey(option)) {
                return ODataErrors.error(400, "Request_UnsupportedQuery", "The simulator does not implement "
                        + option + " on group members.", r);
            }
        }
        Paging paging = Paging.of(r, sim.maxPageSize());
        if (paging.error() != null) {
            return paging.error();
        }
        return sim.tenant().read(t -> {
            Optional<SimGroup> group = t.groups().stream().filter(g -> g.id().toString().equalsIgnoreCase(key)).findFirst();
            if (group.isEmpty()) {
                return ODataErrors.notFound(key, r);
            }
            List<SimUser> members = members(t, group.get());
            ObjectNode body = Json.object();
            body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id)");
            int to = Math.min(members.size(), paging.offset() + paging.size());
            if (to < members.size()) {
                body.put("@odata.nextLink", Paging.nextLink(r, "/v1.0/groups/" + key + "/members", to));
            }
            ArrayNode value = body.putArray("value");
            for (int i = paging.offset(); i < to; i++) {
                value.addObject().put("@odata.type", "#microsoft.graph.user").put("id", members.get(i).id.toString());
            }
            return SimResponse.json(200, Json.write(body));
        });
    }

    /** The members: users holding an assignment inherited from the group (in listing order). */
    static List<SimUser> members(SimulatedTenant t, SimGroup g) {
        List<SimUser> out = new ArrayList<>();
        for (SimUser u : t.users()) {
            if (!t.membershipRemoved(u.id, g.id()) && u.assignments.stream().anyMatch(a -> g.id().equals(a.groupId()))) {
                out.add(u);
            }
        }
        return out;
    }

    private static ObjectNode json(SimGroup g, List<String> select) {
        ObjectNode n = Json.object();
        for (String f : select) {
            switch (f) {
                case "id" -> n.put("id", g.id().toString());
                case "displayName" -> n.put("displayName", g.displayName());
                case "assignedLicenses" -> n.putArray("assignedLicenses").addObject()
                        .put("skuId", g.skuId().toString()).putArray("disabledPlans");
                case "groupTypes" -> {
                    ArrayNode types = n.putArray("groupTypes");
                    g.groupTypes().forEach(types::add);
                }
                case "mailEnabled" -> n.put("mailEnabled", g.mailEnabled());
                case "securityEnabled" -> n.put("securityEnabled", g.securityEnabled());
                // null for a cloud-only group, as Graph sends it
                case "onPremisesSyncEnabled" -> n.put("onPremisesSyncEnabled", g.onPremisesSyncEnabled() ? Boolean.TRUE : null);
                case "membershipRule" -> n.put("membershipRule", g.membershipRule());
                default -> throw new IllegalArgumentException(f);
            }
        }
        return n;
    }

    /** Groups as the tests' oracle: Graph's properties, the derived kind flags, members and their assignment states. */
    private static ObjectNode raw(SimulatedTenant t) {
        ObjectNode body = Json.object();
        ArrayNode arr = body.putArray("groups");
        for (SimGroup g : t.groups()) {
            ObjectNode n = json(g, List.copyOf(GROUP_PROPERTIES));
            n.put("skuId", g.skuId().toString());
            n.put("dynamic", g.dynamic());
            n.put("unified", g.unified());
            n.put("onPremisesSynced", g.onPremisesSyncEnabled());
            SimSku sku = t.sku(g.skuId()).orElse(null);
            n.put("skuFreeUnits", sku == null ? 0 : sku.enabledUnits - t.consumedUnits(g.skuId()));
            ArrayNode members = n.putArray("members");
            for (SimUser u : members(t, g)) {
                ObjectNode m = members.addObject().put("id", u.id.toString());
                u.assignments.stream().filter(a -> g.id().equals(a.groupId())).findFirst().ifPresent(a ->
                        m.put("state", a.state()).put("error", a.error()));
            }
            arr.add(n);
        }
        return body;
    }
}
