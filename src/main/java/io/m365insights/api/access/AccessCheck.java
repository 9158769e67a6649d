package io.m365insights.api.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Checks the caller's roles before an operation runs. */
@ApplicationScoped
public class AccessCheck {
    @Inject
    SecurityIdentity identity;

    public void require(String role) {
        if (identity.isAnonymous()) {
            throw new AccessDeniedException("Authentication required: call the API with a bearer token");
        }
        if (!grants(identity, role)) {
            throw new AccessDeniedException("This operation needs the role " + role + "; your token has "
                    + (identity.getRoles().isEmpty() ? "no role" : String.join(", ", identity.getRoles().stream()
                    .sorted().toList())));
        }
    }

    /** Whether the identity holds the role (admin implies reader). */
    public static boolean grants(SecurityIdentity identity, String role) {
        return !identity.isAnonymous()
                && (identity.hasRole(role) || (Roles.READER.equals(role) && identity.hasRole(Roles.ADMIN)));
    }

    /** Who is calling, for the audit log: the token's principal name. */
    public String caller() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
