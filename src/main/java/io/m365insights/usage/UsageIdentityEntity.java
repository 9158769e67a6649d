package io.m365insights.usage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Who a usage report row is about (read side; {@link UsageDayStore} writes it). */
@Entity
@Table(name = "usage_identity")
public class UsageIdentityEntity extends PanacheEntityBase {
    @Id
    public Integer id;
    public String reportName;
    public boolean concealed;
    public UUID userId;
    public LocalDate lastActivityDate;
    public LocalDate lastActivationDate;
}
