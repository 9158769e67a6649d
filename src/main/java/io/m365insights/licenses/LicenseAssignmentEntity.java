package io.m365insights.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One of a user's license assignments: direct ({@code assignedByGroupId == null}) or inherited from a group. */
@Entity
@Table(name = "license_assignment")
public class LicenseAssignmentEntity extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "sku_id")
    public UUID skuId;
    @Column(name = "assigned_by_group_id")
    public UUID assignedByGroupId;
    public String state;
    public String error;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "disabled_plan_ids")
    public UUID[] disabledPlanIds;
    @Column(name = "last_updated_at")
    public OffsetDateTime lastUpdatedAt;
}
