package io.m365insights.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write: status, headers and body. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {
    /** Microsoft Graph's JSON content type. */
    public static final String GRAPH_JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static SimResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new SimResponse(status, headers, body);
    }

    public static SimResponse json(int status, String json) {
        return of(status, GRAPH_JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse empty(int status) {
        return of(status, null, new byte[0]);
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
