package io.m365insights.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * An incoming request, decoded once: query parameters by (decoded) name, the body, the matched path groups, and when
 * it arrived by the simulator's clock (the time error bodies carry).
 */
public record SimRequest(String method, String path, String rawQuery, Map<String, String> query,
                         Map<String, String> headers, byte[] body, String origin, Matcher pathMatch, Instant receivedAt) {

    static SimRequest from(HttpExchange exchange, Instant receivedAt) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
        String host = headers.getOrDefault("host", "localhost:" + exchange.getLocalAddress().getPort());
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new SimRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), parseQuery(uri.getRawQuery()),
                headers, body, "http://" + host, null, receivedAt);
    }

    SimRequest withMatch(Matcher m) {
        return new SimRequest(method, path, rawQuery, query, headers, body, origin, m, receivedAt);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String group(int i) {
        return URLDecoder.decode(pathMatch.group(i), StandardCharsets.UTF_8);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }
}
