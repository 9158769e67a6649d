package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimUser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code GET /users}, {@code GET /users/{id}} and {@code GET /subscribedSkus} (CONTRACT.md §3–4). */
final class DirectoryRoutes {
    /** Query options the simulator does not implement: refused, so a client relying on them notices. */
    private static final Set<String> UNSIMULATED = Set.of("$filter", "$search", "$orderby", "$expand", "$count", "$skip");
    private final GraphSimulator sim;

    DirectoryRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("GET", "/v1\\.0/users", Router.Area.GRAPH, this::listUsers);
        router.add("GET", "/v1\\.0/users/([^/]+)", Router.Area.GRAPH, this::getUser);
        router.add("GET", "/v1\\.0/subscribedSkus", Router.Area.GRAPH, this::listSkus);
    }

    private SimResponse listUsers(SimRequest r) {
        GroupRoutes.userListingStarted(sim, r);
        for (String option : UNSIMULATED) {
            if (r.query().containsKey(option)) {
                return ODataErrors.error(400, "Request_UnsupportedQuery", "The simulator does not implement "
                        + option + ".", r);
            }
        }
        Paging paging = Paging.of(r, sim.maxPageSize());
        if (paging.error() != null) {
            return paging.error();
        }
        List<String> select;
        try {
            select = select(r);
        } catch (IllegalArgumentException e) {
            return ODataErrors.badRequest(e.getMessage(), r);
        }
        boolean signIns = select.contains("signInActivity");
        if (signIns) {
            SimResponse refused = sim.activity().signInGate(r);
            if (refused != null) {
                return refused;
            }
        }
        int from = paging.offset();
        // Graph may serve smaller pages than $top asks; with signInActivity at most 500 (CONTRACT.md §10.3)
        int pageSize = signIns ? Math.min(paging.size(), ActivityRoutes.SIGN_IN_PAGE) : paging.size();
        List<String> fields = select;
        java.time.LocalDate today = sim.today();
        return sim.tenant().read(t -> {
            List<SimUser> users = t.users();
            ObjectNode body = Json.object();
            body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users"
                    + (r.query().containsKey("$select") ? "(" + String.join(",", fields) + ")" : ""));
            int to = Math.min(users.size(), from + pageSize);
            if (to < users.size()) {
                body.put("@odata.nextLink", Paging.nextLink(r, "/v1.0/users", to));
            }
            ArrayNode value = body.putArray("value");
            for (int i = from; i < to; i++) {
                ObjectNode u = GraphJson.user(users.get(i), fields);
                if (signIns) {
                    u.set("signInActivity", sim.activity().signInActivity(t, users.get(i), today));
                }
                value.add(u);
            }
            return SimResponse.json(200, Json.write(body));
        });
    }

    private SimResponse getUser(SimRequest r) {
        List<String> select;
        try {
            select = select(r);
        } catch (IllegalArgumentException e) {
            return ODataErrors.badRequest(e.getMessage(), r);
        }
        String key = r.group(1);
        return sim.tenant().read(t -> t.user(key)
                .map(u -> {
                    ObjectNode body = GraphJson.user(u, select);
                    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
                    return SimResponse.json(200, Json.write(body));
                })
                .orElseGet(() -> ODataErrors.notFound(key, r)));
    }

    private SimResponse listSkus(SimRequest r) {
        return sim.tenant().read(t -> {
            ObjectNode body = Json.object();
            body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#subscribedSkus");
            ArrayNode value = body.putArray("value");
            for (SimSku s : t.skus()) {
                value.add(GraphJson.subscribedSku(t, s));
            }
            return SimResponse.json(200, Json.write(body));
        });
    }

    private static List<String> select(SimRequest r) {
        String raw = r.query().get("$select");
        if (raw == null || raw.isBlank()) {
            return GraphJson.DEFAULT_USER_PROPERTIES;
        }
        List<String> fields = new ArrayList<>();
        for (String f : Arrays.stream(raw.split(",")).map(String::trim).toList()) {
            if (!GraphJson.USER_PROPERTIES.contains(f)) {
                throw new IllegalArgumentException("Could not find a property named '" + f
                        + "' on type 'microsoft.graph.user'.");
            }
            fields.add(f);
        }
        return fields;
    }
}
