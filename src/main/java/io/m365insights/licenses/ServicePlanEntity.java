package io.m365insights.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
    public String servicePlanName;
    public String provisioningStatus;
    public String appliesTo;

    @Embeddable
    public record Key(UUID skuId, UUID servicePlanId)
            implements Serializable {
    }
}
