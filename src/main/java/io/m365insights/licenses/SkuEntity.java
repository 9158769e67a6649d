package io.m365insights.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A subscribed SKU and its seat counts, as of the last license sync. */
@Entity
@Table(name = "sku")
public class SkuEntity extends PanacheEntityBase {
    @Id
    public UUID skuId;
    public String subscribedSkuId;
    public String skuPartNumber;
    public String appliesTo;
    public String capabilityStatus;
    public int enabledUnits;
    public int suspendedUnits;
    public int warningUnits;
    public int lockedOutUnits;
    public int consumedUnits;
    public OffsetDateTime firstSeenAt;
    public OffsetDateTime updatedAt;
    public OffsetDateTime removedAt;
}
