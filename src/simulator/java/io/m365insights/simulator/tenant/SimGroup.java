package io.m365insights.simulator.tenant;

import java.util.UUID;

/** A security group used for group-based licensing: members inherit {@code skuId}. */
public record SimGroup(UUID id, String displayName, UUID skuId) {
}
