package io.m365insights.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A directory user as stored (read side; the sync writes with set-based SQL). */
@Entity
@Table(name = "directory_user")
public class UserEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "user_principal_name")
    public String userPrincipalName;
    @Column(name = "display_name")
    public String displayName;
    public String mail;
    @Column(name = "account_enabled")
    public boolean accountEnabled;
    public String department;
    @Column(name = "job_title")
    public String jobTitle;
    @Column(name = "usage_location")
    public String usageLocation;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "first_seen_at")
    public OffsetDateTime firstSeenAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    @Column(name = "sort_name", insertable = false, updatable = false)
    public String sortName;
    @Column(name = "sort_upn", insertable = false, updatable = false)
    public String sortUpn;
    @Column(name = "sort_created", insertable = false, updatable = false)
    public OffsetDateTime sortCreated;
}
