package io.m365insights.msgraph;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user's {@code signInActivity}; null where Microsoft says never ({@code 0001-01-01T00:00:00Z}, CONTRACT.md §4).
 * {@code lastSuccessful} exists since December 2023 and is not backfilled.
 */
public record MsGraphSignIn(UUID userId, OffsetDateTime lastSignIn, OffsetDateTime lastNonInteractive,
                            OffsetDateTime lastSuccessful) {
}
