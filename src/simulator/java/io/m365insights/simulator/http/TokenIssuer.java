package io.m365insights.simulator.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens handed out by the simulated Entra ID token endpoint, with an expiry; all can be revoked at once. */
final class TokenIssuer {
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    volatile int lifetimeSeconds = 3599;
    volatile int issued;

    TokenIssuer(Clock clock) {
        this.clock = clock;
    }

    String issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sim." + HexFormat.of().formatHex(bytes);
        tokens.put(token, clock.instant().plusSeconds(lifetimeSeconds));
        issued++;
        return token;
    }

    enum Check { VALID, MISSING, EXPIRED, UNKNOWN }

    Check check(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return Check.MISSING;
        }
        Instant expiry = tokens.get(authorization.substring(7));
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        return expiry.isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    }

    void revokeAll() {
        tokens.clear();
    }

    /** Every token issued so far is past its lifetime now (Graph answers 401 "the token is expired"). */
    void expireAll() {
        tokens.replaceAll((token, expiry) -> clock.instant().minusSeconds(1));
    }
}
