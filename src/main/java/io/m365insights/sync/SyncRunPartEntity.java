package io.m365insights.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One part (licenses, users, ...) of a recorded sync run. */
@Entity
@Table(name = "sync_run_part")
public class SyncRunPartEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public SyncRunStatus status;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
    public int itemsRead;
    public int created;
    public int updated;
    public int deleted;
    public String detail;

    @Embeddable
    public record Key(Long runId, @Enumerated(EnumType.STRING) SyncPartName part)
            implements Serializable {
    }
}
