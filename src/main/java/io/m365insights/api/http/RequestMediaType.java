package io.m365insights.api.http;

import java.util.List;
import java.util.Locale;

/**
 * Is a POST body's {@code Content-Type} JSON in UTF-8, as GraphQL over HTTP requires? A Content-Type names one media
 * type, but real clients send it repeated: GraphiQL's fetcher merges its own default with the page's header into
 * {@code application/json, application/json}, and some HTTP stacks send the header twice. Such a value is accepted
 * when every type in it is {@code application/json} with no charset or UTF-8; anything else (another type among them,
 * another charset, an empty value) is refused, as the spec asks (415).
 */
final class RequestMediaType {
    private RequestMediaType() {
    }

    /** {@code values}: every Content-Type header line of the request, as received. */
    static boolean isJson(List<String> values) {
        boolean any = false;
        for (String value : values) {
            for (String type : value.split(",")) {
                if (type.isBlank() && !value.isBlank()) {
                    continue; // "application/json," — an empty item of a list, not a type
                }
                if (!isJsonType(type)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean isJsonType(String type) {
        String[] parts = type.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String val = parameter.substring(eq + 1).trim();
            if (val.length() >= 2 && val.startsWith("\"") && val.endsWith("\"")) {
                val = val.substring(1, val.length() - 1);
            }
            if (name.equals("charset") && !val.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
