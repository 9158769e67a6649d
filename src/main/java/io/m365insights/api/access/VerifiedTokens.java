package io.m365insights.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Bearer tokens quarkus-oidc has verified, remembered for a short while with the identity it made of each, so that a
 * caller's next requests with the same token skip the signature check and the claim parsing (a sixth of a users page's
 * CPU, bench/RESULTS.md). The same idea as Envoy's {@code jwt_authn} token cache.
 * <ul>
 * <li>The key is the whole token text (and the OIDC tenant that verified it): only a byte-identical token matches, and
 * a token cannot be altered without failing the signature check that put it here.</li>
 * <li>A token is remembered until the earlier of its {@code exp} and {@code ttl} after it was verified; past its
 * {@code exp} it is never used, whatever the ttl. The ttl bounds the one thing a cache changes: a token signed by a key
 * the issuer removes from its JWKS is still accepted for up to ttl.</li>
 * <li>At most {@code maxTokens} (least recently used go first); {@code ttl} zero: nothing is remembered.</li>
 * </ul>
 * The time is the one quarkus-oidc checks {@code exp} against (the system clock; a unit test passes its own).
 */
public final class VerifiedTokens {
    /** A verified token's identity (without the request it was verified in) and when the token expires. */
    record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    private final InstantSource clock;
    private final Cache<String, Verified> cache;

    public VerifiedTokens(Duration ttl, int maxTokens, InstantSource clock) {
        this.clock = clock;
        this.cache = ttl.isZero() || ttl.isNegative() || maxTokens <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxTokens).expireAfterWrite(ttl).executor(Runnable::run) // evictions in place, no pool
                .ticker(() -> clock.millis() * 1_000_000L) // the same clock as the expiry check
                .build();
    }

    public boolean enabled() {
        return cache != null;
    }

    /** The identity a token was verified as, if it is remembered and not past its {@code exp}. */
    Optional<SecurityIdentity> get(String tenant, String token) {
        if (cache == null || token == null) {
            return Optional.empty();
        }
        String key = key(tenant, token);
        Verified v = cache.getIfPresent(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(v.expiresAt())) {
            cache.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(v.identity());
    }

    /** Remembers a token quarkus-oidc has just verified; one already past its {@code exp} is not remembered. */
    void put(String tenant, String token, SecurityIdentity identity, Instant expiresAt) {
        if (cache != null && token != null && clock.instant().isBefore(expiresAt)) {
            cache.put(key(tenant, token), new Verified(identity, expiresAt));
        }
    }

    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** The number of tokens kept once pending evictions are done (Caffeine evicts asynchronously). */
    long sizeAfterMaintenance() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String key(String tenant, String token) {
        return tenant + ' ' + token; // a token has no space (three base64url parts and dots)
    }
}
