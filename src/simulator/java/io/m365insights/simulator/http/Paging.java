package io.m365insights.simulator.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The paging of a Graph collection (CONTRACT.md §4): {@code $top} 1–999 (default 100; a smaller page when the
 * simulator is told to serve one), and an opaque {@code $skiptoken} in the {@code @odata.nextLink}, which carries the
 * rest of the query unchanged. {@code error}: the 400 to answer instead of a page.
 */
record Paging(int offset, int size, SimResponse error) {
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 999;

    static Paging of(SimRequest r, int maxPageSize) {
        int top = DEFAULT_PAGE;
        if (r.query().containsKey("$top")) {
            String raw = r.query().get("$top");
            try {
                top = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                top = -1;
            }
            if (top < 1 || top > MAX_PAGE) {
                return new Paging(0, 0, ODataErrors.error(400, "Request_UnsupportedQuery", "Invalid page size specified: '"
                        + raw + "'. Must be between 1 and 999 inclusive.", r));
            }
        }
        int offset = 0;
        if (r.query().containsKey("$skiptoken")) {
            offset = decodeSkipToken(r.query().get("$skiptoken"));
            if (offset < 0) {
                return new Paging(0, 0, ODataErrors.badRequest("Invalid paging token specified.", r));
            }
        }
        return new Paging(offset, Math.min(top, maxPageSize), null);
    }

    /** The next page's link: the same query with an opaque {@code $skiptoken} (never rebuilt by clients). */
    static String nextLink(SimRequest r, String path, int offset) {
        StringBuilder sb = new StringBuilder(r.origin()).append(path).append('?');
        r.query().forEach((k, v) -> {
            if (!k.equals("$skiptoken")) {
                sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8).replace("%24", "$")).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")).append('&');
            }
        });
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("RFNwdAIAAQAAAC" + ":" + offset + ":" + Long.toHexString(Double.doubleToLongBits(Math.random())))
                        .getBytes(StandardCharsets.UTF_8));
        return sb.append("$skiptoken=").append(token).toString();
    }

    private static int decodeSkipToken(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            return parts.length == 3 ? Integer.parseInt(parts[1]) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
