package io.m365insights.msgraph;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets us tell the token endpoint's answers apart: quarkus-oidc-client turns every non-200 into an
 * {@code OidcClientException} carrying only the body, so a 503 would look like a wrong secret and never be retried.
 * This filter fails such a response with a {@link TokenEndpointException} (status, OAuth error code, Retry-After)
 * instead, which {@link MsGraphErrors} classifies.
 */
@ApplicationScoped
@Unremovable // looked up by quarkus-oidc-client, injected nowhere
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
public class TokenEndpointResponses implements OidcResponseFilter {

    @Override
    public Uni<Void> filter(OidcResponseFilterContext response) {
        if (response.statusCode() == 200) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(TokenEndpointException.from(response.statusCode(), response.responseBody(),
                response.responseHeaders().get("Retry-After")));
    }
}
