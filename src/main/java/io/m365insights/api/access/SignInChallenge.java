package io.m365insights.api.access;

import io.m365insights.config.M365Config;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * A 401 from the API (no token, or one that is not valid) says where to sign in: {@code WWW-Authenticate: Bearer
 * authorization_uri="https://login.microsoftonline.com/<tenant>/oauth2/authorize"} and, when the API's App ID URI is
 * configured, {@code resource_id="…"}. Power BI's "Organizational account" finds Entra ID from this challenge and no
 * other way; quarkus-oidc's own challenge is a bare {@code Bearer}. The header is set as the 401 goes out, whichever
 * handler wrote it, so it does not depend on quarkus-oidc's internals.
 */
@ApplicationScoped
public class SignInChallenge {
    /** Before Quarkus's authentication (-200) and every other route of ours. */
    static final int ORDER = -10_000;
    private static final String ENTRA_AUTHORIZE = "https://login.microsoftonline.com/%s/oauth2/authorize";

    void install(@Observes Router router, M365Config config) {
        Optional<String> challenge = challenge(config);
        if (challenge.isEmpty()) {
            return; // no tenant known (dev mode without one): quarkus-oidc's bare challenge stays
        }
        String value = challenge.get();
        for (String path : new String[]{"/graphql/*", "/export/*"}) { // "/graphql/*" matches /graphql too
            router.route(path).order(ORDER).handler(ctx -> {
                ctx.addHeadersEndHandler(v -> rewrite(ctx, value));
                ctx.next();
            });
        }
    }

    private static void rewrite(RoutingContext ctx, String value) {
        if (ctx.response().getStatusCode() != 401) {
            return;
        }
        // RFC 6750 §3.1: a request that carried a token is told why it was refused
        boolean tokenSent = ctx.request().headers().contains(HttpHeaders.AUTHORIZATION);
        ctx.response().headers().set("WWW-Authenticate", tokenSent ? value + ", error=\"invalid_token\"" : value);
    }

    /** The challenge's value, or empty when neither an authorization URI nor a tenant is configured. */
    static Optional<String> challenge(M365Config config) {
        Optional<String> uri = config.api().authorizationUri()
                .or(() -> config.tenantId().filter(t -> !t.isBlank()).map(t -> ENTRA_AUTHORIZE.formatted(t.strip())));
        return uri.map(u -> "Bearer authorization_uri=\"" + u + "\"" + config.api().resourceId()
                .filter(r -> !r.isBlank()).map(r -> ", resource_id=\"" + r.strip() + "\"").orElse(""));
    }
}
