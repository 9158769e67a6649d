package io.m365insights.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A recorded sync run (read side; {@link SyncRunRecorder} writes it). */
@Entity
@Table(name = "sync_run")
public class SyncRunEntity extends PanacheEntityBase {
    @Id
    public Long id;
    @Enumerated(EnumType.STRING)
    public SyncTrigger trigger;
    @Enumerated(EnumType.STRING)
    public SyncRunStatus status;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
    public String error;
    public String replica;
}
