package io.m365insights.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A service plan (Exchange, Teams, ...) included in a SKU. */
@Entity
@Table(name = "sku_service_plan")
public class ServicePlanEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "service_plan_name")
    public String servicePlanName;
    @Column(name = "provisioning_status")
    public String provisioningStatus;
    @Column(name = "applies_to")
    public String appliesTo;

    @Embeddable
    public record Key(@Column(name = "sku_id") UUID skuId, @Column(name = "service_plan_id") UUID servicePlanId)
            implements Serializable {
    }
}
