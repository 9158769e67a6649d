package io.m365insights.licenses;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A SKU's identity and seat counts as the API shows them: read-only, from a projection or from a {@link SkuEntity}. */
public record SkuRow(UUID skuId, String skuPartNumber, String capabilityStatus, String appliesTo, int enabledUnits,
                     int consumedUnits, int suspendedUnits, int warningUnits, int lockedOutUnits,
                     OffsetDateTime removedAt) {

    /** The columns in HQL, in the order of {@link #of(Object[], int)}; {@code s} is the {@code SkuEntity}. */
    static final String COLUMNS = "s.skuId, s.skuPartNumber, s.capabilityStatus, s.appliesTo, s.enabledUnits, "
            + "s.consumedUnits, s.suspendedUnits, s.warningUnits, s.lockedOutUnits, s.removedAt";

    public static SkuRow of(SkuEntity s) {
        return new SkuRow(s.skuId, s.skuPartNumber, s.capabilityStatus, s.appliesTo, s.enabledUnits, s.consumedUnits,
                s.suspendedUnits, s.warningUnits, s.lockedOutUnits, s.removedAt);
    }

    /**
     * The SKU in a tuple of {@link #COLUMNS} starting at {@code at}; null when its id is (an outer join that found no
     * SKU). Plain casts and a constructor call: nothing to register for a native image.
     */
    static SkuRow of(Object[] t, int at) {
        if (t[at] == null) {
            return null;
        }
        return new SkuRow((UUID) t[at], (String) t[at + 1], (String) t[at + 2], (String) t[at + 3], (Integer) t[at + 4],
                (Integer) t[at + 5], (Integer) t[at + 6], (Integer) t[at + 7], (Integer) t[at + 8],
                (OffsetDateTime) t[at + 9]);
    }
}
