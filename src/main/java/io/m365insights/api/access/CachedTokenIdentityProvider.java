package io.m365insights.api.access;

import io.m365insights.config.M365Config;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * Asked before quarkus-oidc for a bearer token's identity: a token verified a moment ago ({@link VerifiedTokens}) gets
 * the identity it was verified as, in this request; any other token gets nothing here, so quarkus-oidc verifies it (and
 * {@link VerifiedTokenRecorder} remembers it if it is valid). A token quarkus-oidc refuses is never remembered.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Marks an identity served from the cache, so the recorder does not store it again. */
    static final String FROM_CACHE = "m365.verified-token-cache";
    /** The tenant key a request's lookup used, for the recorder to store under the same key. */
    static final String LOOKUP_TENANT = "m365.verified-token-cache.tenant";
    /** The routing context's attribute quarkus-oidc keeps a request's OIDC tenant in (when one was chosen). */
    private static final String OIDC_TENANT = "tenant-id";

    @Inject
    VerifiedTokens tokens;
    @Inject
    MeterRegistry registry;

    private Counter hits;
    private Counter misses;

    @PostConstruct
    void counters() {
        hits = registry.counter("m365.api.token.cache", "result", "hit");
        misses = registry.counter("m365.api.token.cache", "result", "miss");
    }

    @Produces
    @Singleton
    static VerifiedTokens verifiedTokens(M365Config config) {
        M365Config.TokenCacheSettings c = config.api().tokenCache();
        return new VerifiedTokens(c.ttl(), c.maxTokens(), Clock.systemUTC()); // the clock quarkus-oidc checks exp with
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above quarkus-oidc's provider (the default priority, {@value #DEFAULT_PROVIDER_PRIORITY}): asked first. */
    @Override
    public int priority() {
        return DEFAULT_PROVIDER_PRIORITY + 1000;
    }

    /** {@code IdentityProvider.priority()}'s default, which quarkus-oidc's provider keeps. */
    static final int DEFAULT_PROVIDER_PRIORITY = 1001;

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!tokens.enabled() || ctx == null || request.getToken() == null) {
            return Uni.createFrom().nullItem();
        }
        String tenant = tenantOf(ctx);
        Optional<SecurityIdentity> cached = tokens.get(tenant, request.getToken().getToken());
        if (cached.isEmpty()) {
            ctx.put(LOOKUP_TENANT, tenant);
            misses.increment();
            return Uni.createFrom().nullItem(); // quarkus-oidc verifies it
        }
        hits.increment();
        // this request's own context objects, as quarkus-oidc would attach them
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(cached.get())
                .addAttribute(RoutingContext.class.getName(), ctx)
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .addAttribute(FROM_CACHE, Boolean.TRUE).build());
    }

    private static String tenantOf(RoutingContext ctx) {
        Object tenant = ctx.get(OIDC_TENANT);
        return tenant == null ? "" : tenant.toString();
    }
}
