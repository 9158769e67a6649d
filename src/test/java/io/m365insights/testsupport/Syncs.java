package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Runs a sync through the API (syncNow with wait) and returns the finished run. */
public final class Syncs {
    private Syncs() {
    }

    public static final String RUN_FIELDS = "id status trigger error parts { part status itemsRead created updated deleted detail }";

    public static JsonNode syncNow() {
        JsonNode payload = GraphQL.data("mutation { syncNow(input: {wait: true}) { alreadyRunning run { "
                + RUN_FIELDS + " } userErrors { code message } } }", Map.of()).get("syncNow");
        if (payload.get("alreadyRunning").asBoolean()) {
            throw new IllegalStateException("a sync was already running");
        }
        return payload.get("run");
    }

    public static JsonNode part(JsonNode run, String name) {
        for (JsonNode p : run.get("parts")) {
            if (p.get("part").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no part " + name + " in " + run);
    }
}
