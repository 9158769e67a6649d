package io.m365insights.msgraph;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import io.m365insights.config.M365Config;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Access tokens for Microsoft Graph from quarkus-oidc-client (client-credentials grant, scope
 * {@code https://graph.microsoft.com/.default}), cached until shortly before they expire. Tokens go only to the
 * configured Graph host: a report's pre-authenticated download URL on another host never sees one.
 */
@ApplicationScoped
public class MsGraphTokenProvider implements AccessTokenProvider {
    private final OidcClient oidcClient;
    /** How long a token request may take: the read timeout of Graph requests (quarkus-oidc-client sets none). */
    private final Duration tokenRequestTimeout;
    private final AllowedHostsValidator allowedHosts;
    private volatile Tokens tokens;

    @Inject
    public MsGraphTokenProvider(OidcClient oidcClient, M365Config config) {
        this.oidcClient = oidcClient;
        this.tokenRequestTimeout = config.http().readTimeout();
        this.allowedHosts = new AllowedHostsValidator(URI.create(config.graphBaseUrl()).getHost());
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
        if (!allowedHosts.isUrlHostValid(uri)) {
            return "";
        }
        return current().getAccessToken();
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return allowedHosts;
    }

    /** Forget the cached token, e.g. after Graph answered 401 because it was revoked. */
    public void invalidate() {
        tokens = null;
    }

    private Tokens current() {
        Tokens t = tokens;
        if (t == null || t.isAccessTokenExpired() || t.isAccessTokenWithinRefreshInterval()) {
            synchronized (this) {
                t = tokens;
                if (t == null || t.isAccessTokenExpired() || t.isAccessTokenWithinRefreshInterval()) {
                    t = oidcClient.getTokens().await().atMost(tokenRequestTimeout);
                    tokens = t;
                }
            }
        }
        return t;
    }
}
