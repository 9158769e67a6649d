package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.TenantGenerator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The Entra ID v2 token endpoint, client-credentials grant only (CONTRACT.md §8). */
final class TokenRoutes {
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private final GraphSimulator sim;

    TokenRoutes(GraphSimulator sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("POST", "/([^/]+)/oauth2/v2\\.0/token", Router.Area.TOKEN, this::token);
    }

    private SimResponse token(SimRequest r) {
        String tenant = r.group(1);
        if (!tenant.equalsIgnoreCase(sim.tenant().tenantId().toString())
                && !tenant.equalsIgnoreCase(TenantGenerator.INITIAL_DOMAIN)) {
            return error(r.receivedAt(), 400, "invalid_request", 90002, "Tenant '" + tenant + "' not found.");
        }
        Map<String, String> form = SimRequest.parseQuery(r.bodyText());
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = r.header("authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(r.receivedAt(), 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        if (!GRAPH_SCOPE.equals(form.get("scope"))) {
            return error(r.receivedAt(), 400, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter. "
                    + "The provided value for the input parameter 'scope' is not valid.");
        }
        if (!sim.options().clientId().equals(clientId)) {
            return error(r.receivedAt(), 400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory.");
        }
        if (!sim.options().clientSecret().equals(secret)) {
            return error(r.receivedAt(), 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being "
                    + "sent in the request is the client secret value, not the client secret ID, for a secret added "
                    + "to app '" + clientId + "'.");
        }
        ObjectNode body = Json.object().put("token_type", "Bearer").put("expires_in", sim.tokens().lifetimeSeconds)
                .put("ext_expires_in", sim.tokens().lifetimeSeconds).put("access_token", sim.tokens().issue());
        return SimResponse.of(200, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** An injected fault, in Entra ID's token-endpoint error format (RFC 6749 error codes, AADSTS descriptions). */
    static SimResponse fault(int status, Instant at) {
        return switch (status) {
            case 400 -> error(at, 400, "invalid_request", 900144, "Simulated fault: the request body is not valid.");
            case 401 -> error(at, 401, "invalid_client", 7000215, "Simulated fault: invalid client secret provided.");
            default -> error(at, status, "temporarily_unavailable", 90033, "A transient error has occurred. Please try "
                    + "again (simulated fault).");
        };
    }

    private static SimResponse error(Instant at, int status, String error, int aadsts, String description) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = at.toString();
        ObjectNode body = Json.object().put("error", error)
                .put("error_description", "AADSTS" + aadsts + ": " + description + "\r\nTrace ID: " + trace
                        + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + timestamp)
                .put("timestamp", timestamp).put("trace_id", trace).put("correlation_id", correlation)
                .put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
        body.putArray("error_codes").add(aadsts);
        return SimResponse.of(status, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
