package io.m365insights.api.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Set;

/**
 * Remembers the identity quarkus-oidc has just made of a valid bearer token ({@link VerifiedTokens}), after every other
 * augmentor (lowest priority): the identity as the request saw it, without the request's own objects (its routing
 * context and authentication context, which a remembered identity must not keep alive). The identity keeps its
 * principal (the verified token's claims), roles, credentials and other attributes; it does not keep quarkus-oidc's
 * scope permissions, which this API never checks (it authorizes by role: {@link AccessCheck}).
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    private static final Set<String> PER_REQUEST = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName(), CachedTokenIdentityProvider.LOOKUP_TENANT);

    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (tokens.enabled() && !identity.isAnonymous() && identity.getAttribute(CachedTokenIdentityProvider.FROM_CACHE) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null
                && jwt.getExpirationTime() > 0 && identity.getAttribute(RoutingContext.class.getName()) instanceof RoutingContext ctx
                && ctx.get(CachedTokenIdentityProvider.LOOKUP_TENANT) instanceof String tenant) {
            tokens.put(tenant, jwt.getRawToken(), withoutRequest(identity), Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }

    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((k, v) -> {
            if (!PER_REQUEST.contains(k)) {
                b.addAttribute(k, v);
            }
        });
        return b.build();
    }
}
