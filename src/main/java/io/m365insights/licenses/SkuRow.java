package io.m365insights.licenses;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A SKU's identity and seat counts as the API shows them: read-only, from a projection or from a {@link SkuEntity}. */
public record SkuRow(UUID skuId, String skuPartNumber, String capabilityStatus, String appliesTo, int enabledUnits,
                     int consumedUnits, int suspendedUnits, int warningUnits, int lockedOutUnits,
                     OffsetDateTime removedAt) {

    public static SkuRow of(SkuEntity s) {
        return new SkuRow(s.skuId, s.skuPartNumber, s.capabilityStatus, s.appliesTo, s.enabledUnits, s.consumedUnits,
                s.suspendedUnits, s.warningUnits, s.lockedOutUnits, s.removedAt);
    }
}
