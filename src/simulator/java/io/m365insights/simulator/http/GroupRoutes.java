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
            if (u.assignments.stream().anyMatch(a -> g.id().equals(a.groupId()))) {
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
