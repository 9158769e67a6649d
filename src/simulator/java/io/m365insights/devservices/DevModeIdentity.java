package io.m365insights.devservices;

import io.m365insights.api.access.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Dev mode only (removed from any other build): requests without a token run as a local identity with both roles,
 * so the API works without an identity provider. Logged loudly at startup.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevModeIdentity implements SecurityIdentityAugmentor {
    static final String NAME = "local-developer";

    void announce(@Observes StartupEvent event) {
        Logger.getLogger(DevModeIdentity.class).warnf("Dev mode: API calls without a bearer token run as '%s' with "
                + "the roles %s and %s (no identity provider). Production requires an Entra ID token.",
                NAME, Roles.READER, Roles.ADMIN);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(NAME))
                .addRole(Roles.READER)
                .addRole(Roles.ADMIN)
                .setAnonymous(false)
                .build());
    }
}
