package io.m365insights.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "sku_id")
    public UUID skuId;
    @Column(name = "subscribed_sku_id")
    public String subscribedSkuId;
    @Column(name = "sku_part_number")
    public String skuPartNumber;
    @Column(name = "applies_to")
    public String appliesTo;
    @Column(name = "capability_status")
    public String capabilityStatus;
    @Column(name = "enabled_units")
    public int enabledUnits;
    @Column(name = "suspended_units")
    public int suspendedUnits;
    @Column(name = "warning_units")
    public int warningUnits;
    @Column(name = "locked_out_units")
    public int lockedOutUnits;
    @Column(name = "consumed_units")
    public int consumedUnits;
    @Column(name = "first_seen_at")
    public OffsetDateTime firstSeenAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;
}
