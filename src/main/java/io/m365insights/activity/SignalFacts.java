package io.m365insights.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** What the stored signals say about one user: the last active date per signal and the report's assign dates. */
public record SignalFacts(Map<ActivitySignal, LocalDate> lastActive, Map<ActivitySignal, LocalDate> assigned) {
    public static final SignalFacts NONE = new SignalFacts(new EnumMap<>(ActivitySignal.class),
            new EnumMap<>(ActivitySignal.class));

    /** Whether a signal can be told at all (tenant-wide), and why not, in words an admin can act on. */
    public record Availability(boolean available, String detail, boolean namesConcealed, OffsetDateTime lastSuccess) {
    }
}
