package io.m365insights.audit;

import io.m365insights.db.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pages through the audit log, newest first, by keyset on the event id (ids only grow). */
@ApplicationScoped
public class AuditQueries {

    /** Events older than {@code beforeId} (null: from the newest). */
    public Page<AuditEventEntity> page(AuditCriteria criteria, Long beforeId, int limit) {
        Parameters params = new Parameters();
        List<String> where = where(criteria, params);
        if (beforeId != null) {
            where.add("e.id < :before");
            params.and("before", beforeId);
        }
        return Page.of(AuditEventEntity.<AuditEventEntity>find(
                "from AuditEventEntity e" + clause(where) + " order by e.id desc", params).range(0, limit).list(), limit);
    }

    public Optional<AuditEventEntity> byId(long id) {
        return AuditEventEntity.findByIdOptional(id);
    }

    public long count(AuditCriteria criteria) {
        Parameters params = new Parameters();
        return AuditEventEntity.count("from AuditEventEntity e" + clause(where(criteria, params)), params);
    }

    private static List<String> where(AuditCriteria c, Parameters params) {
        List<String> where = new ArrayList<>();
        Filter f = (clause, name, value) -> {
            if (value != null) {
                where.add(clause);
                params.and(name, value);
            }
        };
        f.add("e.action in :actions", "actions", c.actions() == null || c.actions().isEmpty() ? null
                : c.actions().stream().map(Enum::name).toList());
        f.add("lower(e.actor) = :actor", "actor", c.actor() == null ? null : c.actor().toLowerCase());
        f.add("e.userId = :user", "user", c.userId());
        f.add("e.skuId = :sku", "sku", c.skuId());
        f.add("e.outcome = :outcome", "outcome", c.outcome() == null ? null : c.outcome().name());
        f.add("e.dryRun = :dryRun", "dryRun", c.dryRun());
        f.add("e.correlationId = :correlation", "correlation", c.correlationId());
        f.add("e.occurredAt >= :since", "since", c.since());
        f.add("e.occurredAt < :until", "until", c.until());
        return where;
    }

    /** A criterion: {@code clause} with {@code name} bound to {@code value}, when the value is given (not null). */
    @FunctionalInterface
    private interface Filter {
        void add(String clause, String name, Object value);
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }
}
