package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimSubscription;
import io.m365insights.simulator.tenant.SubscriptionGenerator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /directory/subscriptions} (CONTRACT.md §3, §10.4; {@code Organization.Read.All}), the tenant's
 * companySubscriptions, generated from its SKUs around the simulator's today at start and at every reset; and the
 * control routes to change them as a purchase, renewal or cancellation would ({@code /_simulator/subscriptions}).
 * Served in one page: Microsoft's paging of this collection is unverified (a tenant holds few subscriptions).
 */
final class SubscriptionRoutes {
    private final GraphSimulator sim;
    private volatile List<SimSubscription> subscriptions = List.of();

    SubscriptionRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("GET", "/v1\\.0/directory/subscriptions", Router.Area.GRAPH, this::list);
        router.add("GET", "/_simulator/subscriptions", Router.Area.CONTROL, r -> SimResponse.json(200, Json.write(raw())));
        router.add("PATCH", "/_simulator/subscriptions/([^/]+)", Router.Area.CONTROL, this::patch);
        router.add("DELETE", "/_simulator/subscriptions/([^/]+)", Router.Area.CONTROL, this::delete);
    }

    /** New subscriptions for the current tenant, dated from the simulator's today. */
    void regenerate() {
        LocalDate today = LocalDate.ofInstant(sim.now(), ZoneOffset.UTC);
        subscriptions = sim.tenant().read(t -> SubscriptionGenerator.generate(t, sim.seed(), today));
    }

    /** The subscription ids of a SKU, as subscribedSkus lists them. */
    List<UUID> idsOf(SimSku sku) {
        return subscriptions.stream().filter(s -> s.skuId().equals(sku.skuId)).map(SimSubscription::id).toList();
    }

    private SimResponse list(SimRequest r) {
        ObjectNode body = Json.object();
        body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directory/subscriptions");
        ArrayNode value = body.putArray("value");
        subscriptions.forEach(s -> value.add(json(s)));
        return SimResponse.json(200, Json.write(body));
    }

    private ObjectNode raw() {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("subscriptions");
        subscriptions.forEach(s -> value.add(json(s)));
        return body;
    }

    private static ObjectNode json(SimSubscription s) {
        ObjectNode n = Json.object();
        n.put("createdDateTime", s.createdDateTime().toString());
        n.put("commerceSubscriptionId", s.commerceSubscriptionId().toString());
        n.put("id", s.id().toString());
        n.put("isTrial", s.isTrial());
        n.put("nextLifecycleDateTime", s.nextLifecycleDateTime() == null ? null : s.nextLifecycleDateTime().toString());
        n.putArray("serviceStatus");
        n.put("skuId", s.skuId().toString());
        n.put("skuPartNumber", s.skuPartNumber());
        n.put("status", s.status());
        n.put("totalLicenses", s.totalLicenses());
        n.put("ownerId", s.ownerTenantId() == null ? null : s.ownerTenantId().toString());
        n.put("ownerTenantId", s.ownerTenantId() == null ? null : s.ownerTenantId().toString());
        n.put("ownerType", s.ownerType());
        return n;
    }

    /** {@code {status?, nextLifecycleDateTime?, totalLicenses?}}: a renewal, a change of seats, a suspension. */
    private SimResponse patch(SimRequest r) {
        JsonNode b = Json.read(r.body());
        if (b == null) {
            return ODataErrors.badRequest("A JSON body is required.", r);
        }
        Instant next;
        try {
            next = b.hasNonNull("nextLifecycleDateTime") ? Instant.parse(b.get("nextLifecycleDateTime").asText()) : null;
        } catch (DateTimeParseException e) {
            return ODataErrors.badRequest("nextLifecycleDateTime is not an ISO-8601 instant.", r);
        }
        String id = r.group(1);
        List<SimSubscription> changed = new ArrayList<>();
        boolean found = false;
        for (SimSubscription s : subscriptions) {
            if (s.id().toString().equalsIgnoreCase(id)) {
                found = true;
                changed.add(s.with(b.hasNonNull("status") ? b.get("status").asText() : null, next,
                        b.hasNonNull("totalLicenses") ? b.get("totalLicenses").asInt() : null));
            } else {
                changed.add(s);
            }
        }
        if (!found) {
            return ODataErrors.notFound(id, r);
        }
        subscriptions = List.copyOf(changed);
        return SimResponse.json(200, "{}");
    }

    private SimResponse delete(SimRequest r) {
        String id = r.group(1);
        List<SimSubscription> kept = subscriptions.stream().filter(s -> !s.id().toString().equalsIgnoreCase(id)).toList();
        if (kept.size() == subscriptions.size()) {
            return ODataErrors.notFound(id, r);
        }
        subscriptions = kept;
        return SimResponse.json(200, "{}");
    }
}
