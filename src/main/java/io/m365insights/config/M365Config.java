package io.m365insights.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code m365.*} setting. Environment variables map by the usual rule: {@code M365_GRAPH_BASE_URL} is
 * {@code m365.graph-base-url}, {@code M365_SYNC_CRON} is {@code m365.sync.cron}. The README lists them all.
 */
@ConfigMapping(prefix = "m365")
public interface M365Config {

    /** The Entra ID tenant (GUID or domain) of the app registration. */
    Optional<String> tenantId();

    /** The app registration's application (client) id. */
    Optional<String> clientId();

    /** The app registration's client secret. Never logged. */
    Optional<String> clientSecret();

    /** Microsoft Graph's base URL, version segment included. */
    @WithDefault("https://graph.microsoft.com/v1.0")
    String graphBaseUrl();

    /** The token endpoint of the client-credentials grant. */
    Optional<String> tokenUrl();

    Sync sync();

    Retry retry();

    Http http();

    Api api();

    Simulator simulator();

    Health health();

    interface Sync {
        /** Quartz-style cron of the scheduled sync, or {@code off}. */
        @WithDefault("0 7 * * * ?")
        String cron();

        /** Run a sync as soon as the service has started. */
        @WithDefault("true")
        boolean onStart();
    }

    /** Retries of Microsoft Graph requests that failed transiently (429, 503, 504, network, expired token). */
    interface Retry {
        @WithDefault("6")
        int maxRetries();

        /** First backoff delay when Microsoft Graph gives no Retry-After; it doubles per attempt. */
        @WithDefault("1s")
        Duration initialDelay();

        /** Longest single wait, Retry-After included. */
        @WithDefault("2m")
        Duration maxDelay();

        /** Longest time spent on one request, retries included. */
        @WithDefault("10m")
        Duration maxDuration();
    }

    interface Http {
        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("100s")
        Duration readTimeout();
    }

    interface Api {
        @WithDefault("50")
        int defaultPageSize();

        @WithDefault("500")
        int maxPageSize();

        /** Longest GraphQL document accepted, in lexical tokens. */
        @WithDefault("5000")
        int maxQueryTokens();
    }

    /** The Microsoft Graph simulator: dev mode and tests only, never started in production. */
    interface Simulator {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("42")
        long seed();

        @WithDefault("300")
        int users();

        /** Where the running simulator's control API is (set by dev mode and tests). */
        Optional<String> url();
    }

    /** What the health checks report (see the README, "Operations"). */
    interface Health {
        /**
         * Data older than this counts as stale: the wellness check ({@code /q/health/well}) reports DOWN when a sync
         * part's last successful run finished longer ago. Set it above the sync interval ({@code m365.sync.cron}).
         */
        @WithDefault("3h")
        Duration maxDataAge();
    }
}
