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
        if (c.actions() != null && !c.actions().isEmpty()) {
            where.add("e.action in :actions");
            params.and("actions", c.actions().stream().map(Enum::name).toList());
        }
        if (c.actor() != null) {
            where.add("lower(e.actor) = :actor");
            params.and("actor", c.actor().toLowerCase());
        }
        if (c.userId() != null) {
            where.add("e.userId = :user");
            params.and("user", c.userId());
        }
        if (c.skuId() != null) {
            where.add("e.skuId = :sku");
            params.and("sku", c.skuId());
        }
        if (c.outcome() != null) {
            where.add("e.outcome = :outcome");
            params.and("outcome", c.outcome().name());
        }
        if (c.dryRun() != null) {
            where.add("e.dryRun = :dryRun");
            params.and("dryRun", c.dryRun());
        }
        if (c.correlationId() != null) {
            where.add("e.correlationId = :correlation");
            params.and("correlation", c.correlationId());
        }
        if (c.since() != null) {
            where.add("e.occurredAt >= :since");
            params.and("since", c.since());
        }
        if (c.until() != null) {
            where.add("e.occurredAt < :until");
            params.and("until", c.until());
        }
        return where;
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }
}
