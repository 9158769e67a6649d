package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the audit log through the API (as an admin). */
public final class Audit {
    public static final String FIELDS = "id occurredAt actor actorKind action dryRun outcome errorCode message userId "
            + "skuId input graphRequestId correlationId syncRunId";

    private Audit() {
    }

    /** The newest events matching the filter (a GraphQL AuditEventFilter literal, e.g. {@code {userId: "..."}}). */
    public static List<JsonNode> events(String filter) {
        JsonNode page = GraphQL.data("{ auditEvents(first: 100, filter: " + filter + ") { totalCount nodes { "
                + FIELDS + " } } }", Map.of()).get("auditEvents");
        List<JsonNode> out = new ArrayList<>();
        page.get("nodes").forEach(out::add);
        return out;
    }

    /** How many events the whole log holds. */
    public static int count() {
        return GraphQL.data("{ auditEvents(first: 0) { totalCount } }").get("auditEvents").get("totalCount").asInt();
    }

    public static JsonNode byId(String id) {
        return events("{}").stream().filter(e -> e.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit event " + id + " among the newest 100"));
    }
}
