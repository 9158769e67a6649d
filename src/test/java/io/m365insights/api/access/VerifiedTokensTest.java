package io.m365insights.api.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A verified token is remembered until the earlier of its exp and the ttl, only for the very same token and tenant. */
class VerifiedTokensTest {
    private static final Instant T0 = Instant.parse("2026-12-31T23:59:00Z"); // across a year end
    private Instant now = T0;
    private final InstantSource clock = () -> now;
    private final SecurityIdentity reader = QuarkusSecurityIdentity.builder()
            .setPrincipal((Principal) () -> "rita.reader@contoso.com").addRole(Roles.READER).build();

    @Test
    void aTokenIsRememberedUntilItsExpWhenThatComesBeforeTheTtl() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("", "a.b.c", reader, T0.plusSeconds(30));
        now = T0.plusSeconds(29);
        assertThat(tokens.get("", "a.b.c")).containsSame(reader);
        now = T0.plusSeconds(30); // exp: no longer valid, whatever the ttl says
        assertThat(tokens.get("", "a.b.c")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenIsForgottenAfterTheTtlWhenItsExpIsLater() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("", "a.b.c", reader, T0.plusSeconds(3600));
        now = T0.plusSeconds(59);
        assertThat(tokens.get("", "a.b.c")).isPresent();
        now = T0.plusSeconds(60);
        assertThat(tokens.get("", "a.b.c")).isEmpty();
    }

    @Test
    void onlyTheSameTokenInTheSameTenantMatches() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("", "a.b.c", reader, T0.plusSeconds(3600));
        assertThat(tokens.get("", "a.b.d")).isEmpty();
        assertThat(tokens.get("", "a.b.c ")).isEmpty();
        assertThat(tokens.get("other-tenant", "a.b.c")).isEmpty();
        assertThat(tokens.get("", null)).isEmpty();
        assertThat(tokens.get("", "a.b.c")).isPresent();
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("", "a.b.c", reader, T0);
        tokens.put("", "d.e.f", reader, T0.minusSeconds(1));
        assertThat(tokens.get("", "a.b.c")).isEmpty();
        assertThat(tokens.get("", "d.e.f")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ZERO, 100, clock);
        assertThat(tokens.enabled()).isFalse();
        tokens.put("", "a.b.c", reader, T0.plusSeconds(3600));
        assertThat(tokens.get("", "a.b.c")).isEmpty();
    }

    @Test
    void atMostMaxTokensAreKept() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 10, clock);
        for (int i = 0; i < 1000; i++) {
            tokens.put("", "t." + i + ".s", reader, T0.plusSeconds(3600));
        }
        assertThat(tokens.sizeAfterMaintenance()).isLessThanOrEqualTo(10);
    }
}
