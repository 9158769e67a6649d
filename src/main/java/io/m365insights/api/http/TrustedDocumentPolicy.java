package io.m365insights.api.http;

import io.m365insights.api.access.AccessCheck;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Who may send a document that is not one of the trusted documents: everyone (the default), or, with
 * {@code m365.api.trusted-documents.only}, only callers holding one of {@code m365.api.trusted-documents.free-form-roles}.
 */
record TrustedDocumentPolicy(boolean only, List<String> freeFormRoles) {
    static final String REFUSAL = "This API accepts only trusted documents: send \"documentId\" (a file under "
            + "graphql-schema/ without .graphql, e.g. bi/usage-daily, or its sha256:<hex>) instead of \"query\"";

    boolean mayRunAnyDocument(RoutingContext ctx) {
        if (!only) {
            return true;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return identity != null && freeFormRoles.stream().anyMatch(role -> AccessCheck.grants(identity, role));
    }
}
