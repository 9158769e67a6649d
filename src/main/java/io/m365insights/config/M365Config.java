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

    /** The service's clock. */
    ClockSettings clock();

    Retry retry();

    Http http();

    Api api();

    Simulator simulator();

    Offboarding offboarding();

    Usage usage();

    Reports reports();

    Licenses licenses();

    SignIns signIns();

    ServiceActivity serviceActivity();

    Activity activity();

    /**
     * Seats assigned fewer days ago than this are never idle (M365_NEW_SEAT_GRACE_DAYS). The assignment date comes from
     * the active user detail report's license assign dates, else from the assignment's lastUpdatedDateTime (an upper
     * bound) — never from the day m365-insights first saw the seat.
     */
    @WithDefault("30")
    int newSeatGraceDays();

    /** Last activity per service, from the Microsoft 365 active user detail report (the SERVICE_ACTIVITY part). */
    interface ServiceActivity {
        /**
         * {@code false}: the part reads nothing and says so (its signals are unknown, never "inactive"); e.g. to sync
         * the directory and the apps usage alone.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Sign-in activity ({@code /users?$select=id,signInActivity}): AuditLog.Read.All and Entra ID P1 needed. */
    interface SignIns {
        @WithDefault("true")
        boolean enabled();

        /** Microsoft lists signInActivity at most 10 requests per minute per app. */
        @WithDefault("10")
        int rateLimit();

        @WithDefault("1m")
        java.time.Duration rateWindow();
    }

    /** Which signals show a seat is used (docs/activity-signals.md). */
    interface Activity {
        /**
         * Per SKU part number, the signals that show its seat is used, overriding the defaults from its service
         * plans: {@code SKU_PART=SIGNAL+SIGNAL,...}, e.g. {@code POWER_BI_PRO=SIGN_IN,SPE_E3=APPS+EXCHANGE+TEAMS}.
         */
        Optional<String> signals();
    }

    interface ClockSettings {
        /**
         * Where the service's clock starts ({@code M365_CLOCK_START}, an ISO-8601 instant): unset (the default) is real
         * time. When set, "now" starts at that instant when the service starts and runs on from there, so a simulated
         * tenant can be replayed as of a given day. For tests and demonstrations; never set it against a real tenant.
         */
        Optional<java.time.Instant> start();
    }

    /** Usage analytics from the Microsoft 365 Apps usage report. */
    interface Usage {
        @WithDefault("true")
        boolean enabled();

        /** Days of the report window: today - delay back this many days (Microsoft serves 28). */
        @WithDefault("28")
        int lookbackDays();

        /** Microsoft's reporting delay: the latest day fetched is today minus this. */
        @WithDefault("2")
        int delayDays();

        /** The most recent days fetched again on every sync, as Microsoft may still be completing them. */
        @WithDefault("3")
        int refreshDays();

        /** Days of history kept (from today); 0 keeps everything. */
        @WithDefault("1095")
        int retentionDays();

        /**
         * Counts of periods cut by a series' range kept for the next request asking the same, until the data changes
         * (usage.PartialPeriodCache); 0 switches the cache off.
         */
        @WithDefault("1000")
        int queryCacheSize();
    }

    /** Pace of report requests: Microsoft allows 14 per 10 minutes per report and app registration. */
    interface Reports {
        @WithDefault("14")
        int rateLimit();

        @WithDefault("10m")
        Duration rateWindow();
    }

    interface Licenses {
        /** Monthly price per SKU part number, e.g. {@code SPE_E3=36.00,POWER_BI_PRO=10}. */
        Optional<String> prices();

        @WithDefault("USD")
        String currency();
    }

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

        /** Deepest nesting of data fields in an operation (introspection is held to maxIntrospectionLists instead). */
        @WithDefault("12")
        int maxQueryDepth();

        /** Most complex operation accepted: one point per field selected. */
        @WithDefault("300")
        int maxQueryComplexity();

        /** Lists of schema elements (types, fields, args...) an introspection query may select inside one another. */
        @WithDefault("3")
        int maxIntrospectionLists();

        /**
         * Plain properties of the API's types (a record component or getter whose value needs no conversion: strings,
         * numbers, booleans, enums, objects) read by our lightweight fetcher instead of SmallRye GraphQL's per-field
         * wrapper (api.PropertyFetchers); same answers, less work per field. {@code false}: SmallRye's for every field.
         */
        @WithDefault("true")
        boolean propertyFetchers();

        /**
         * A {@code users} page or {@code usage} series of a plain shape (api.planned.QueryPlan) answered from a plan of
         * its document, made once the engine has answered it cleanly: the same resolvers and statements, the JSON
         * written once, byte for byte the engine's answer (PlannedQueriesTest). {@code false}: the engine answers every
         * request.
         */
        @WithDefault("true")
        boolean plannedQueries();

        /**
         * Where a caller without a valid token is sent to sign in: the {@code authorization_uri} of the 401's
         * {@code WWW-Authenticate} challenge (Power BI finds Entra ID from it). Unset: Entra ID's authorize endpoint of
         * {@link M365Config#tenantId()}.
         */
        Optional<String> authorizationUri();

        /** The API's Application ID URI, sent as the challenge's {@code resource_id}: what a BI tool asks a token for. */
        Optional<String> resourceId();

        TrustedDocumentSettings trustedDocuments();

        TokenCacheSettings tokenCache();
    }

    /**
     * Verified bearer tokens remembered for a short while (api.access.VerifiedTokens): a caller's next request with the
     * same token skips the signature check and claim parsing, which were a sixth of a users page's CPU
     * (bench/RESULTS.md). A token is never used past its {@code exp}.
     */
    interface TokenCacheSettings {
        /**
         * How long a verified token is remembered; also how long a token signed by a key removed from the issuer's JWKS
         * can still be accepted. {@code 0s}: every request verifies its token.
         */
        @WithDefault("60s")
        Duration ttl();

        /** Most tokens remembered at once (the least recently used go first). */
        @WithDefault("10000")
        int maxTokens();
    }

    /** The operations committed under graphql-schema/, callable by id (docs/bi.md). */
    interface TrustedDocumentSettings {
        /** Accept only trusted documents (by documentId, or a query whose text is one of them). */
        @WithDefault("false")
        boolean only();

        /** With {@link #only()}, callers holding one of these roles may still send any document (e.g. the admin role). */
        Optional<java.util.List<String>> freeFormRoles();
    }

    /**
     * The Microsoft Graph simulator: dev mode and tests only, never started in production. Nothing in the product reads
     * these; the dev-mode stand-ins (src/simulator) and the tests do. They are declared here because every
     * {@code m365.*} key must map to this interface or startup fails ({@code SRCFG00050}), which is what catches a
     * mistyped setting. Plain settings: nothing here refers to the simulator's classes.
     */
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

    /** The offboarding policy: what happens, after each sync, to the licenses of accounts found disabled. */
    interface Offboarding {
        enum Mode {
            /** Nothing is planned or done. */
            OFF,
            /** The plan is made and shown; nothing is changed. */
            DRY_RUN,
            /** The plan is made and its removals are carried out. */
            ENFORCE
        }

        /** {@code off}, {@code dry-run} or {@code enforce}. */
        @WithDefault("dry-run")
        Mode mode();

        /** Days an account must have been seen disabled before its licenses are removed. */
        @WithDefault("30")
        int graceDays();

        /**
         * Users and SKUs the policy leaves alone: entries separated by {@code ;}, each
         * {@code user=<upn or id> | sku=<skuId or part number>, [until=YYYY-MM-DD,] reason=<text>} (see the README).
         */
        Optional<String> exemptions();

        /**
         * In enforce mode, a plan with more removals than this is held (nothing removed) for a person to review.
         * Group membership removals (groupMode remove-membership) count too.
         */
        @WithDefault("100")
        int maxRemovalsPerRun();

        enum GroupMode {
            /** Group-inherited licenses are reported as needing a group change; a person makes it. */
            REPORT,
            /**
             * In enforce mode, the user is removed from each group whose membership Microsoft Graph can change (not
             * dynamic, not synced from on-premises, not mail-enabled security), and a later sync confirms the license
             * went.
             */
            REMOVE_MEMBERSHIP
        }

        /** {@code report} or {@code remove-membership}: what the policy does with group-inherited licenses. */
        @WithDefault("report")
        GroupMode groupMode();

        /**
         * Syncs after a group membership removal by which the inherited license must be gone; after that the removal
         * is reported as not converged.
         */
        @WithDefault("3")
        int groupRemovalMaxSyncs();
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
