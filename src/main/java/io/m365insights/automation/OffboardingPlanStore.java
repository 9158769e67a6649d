package io.m365insights.automation;

import io.agroal.api.AgroalDataSource;
import io.m365insights.actions.ActionError;
import io.m365insights.config.M365Config.Offboarding.Mode;
import io.m365insights.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads what the planner needs and stores the plan (only the latest plan is kept), and the group membership removals
 * the policy made, which outlive plans until a sync confirms them.
 */
@ApplicationScoped
public class OffboardingPlanStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** A group membership removal by the policy and where it stands. */
    public record GroupRemoval(UUID userId, UUID groupId, OffboardingItemStatus status, OffsetDateTime requestedAt,
                        long requestedSyncRunId, int syncsChecked, OffsetDateTime settledAt, long auditEventId) {
        String key() {
            return userId + " " + groupId;
        }
    }

    /**
     * Every license assignment of every disabled, not deleted account, in the order the plan lists them, with the
     * licensing group (its name, and whether Graph can change its membership) for inherited ones.
     */
    List<Candidate> candidates() {
        return Jdbc.withConnection(dataSource, "read the disabled accounts", c -> Jdbc.query(c, """
                select u.id, u.user_principal_name, u.display_name, coalesce(u.disabled_since, ?), la.sku_id,
                       s.sku_part_number, la.assigned_by_group_id, g.display_name,
                       coalesce(not g.dynamic and not g.on_premises_synced and g.kind <> 'MAIL_ENABLED_SECURITY'
                                and g.removed_at is null, false)
                from directory_user u
                join license_assignment la on la.user_id = u.id
                left join sku s on s.sku_id = la.sku_id
                left join licensing_group g on g.id = la.assigned_by_group_id
                where not u.account_enabled and u.deleted_at is null
                order by lower(u.user_principal_name), u.id, s.sku_part_number, la.sku_id,
                         la.assigned_by_group_id nulls first""", rs -> new Candidate(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
                rs.getBoolean(9)), now()));
    }

    /** Stores a new plan and drops the previous one; returns its id. Item {@code i} gets position {@code i}. */
    @Transactional
    long save(Long syncRunId, Mode mode, int graceDays, String heldReason, List<PlanItem> items,
              Function<PlanItem, OffboardingItemStatus> status) {
        return Jdbc.withConnection(dataSource, "store the offboarding plan", c -> {
            long id = Jdbc.queryOne(c, "insert into offboarding_plan (sync_run_id, mode, grace_days, held_reason, "
                    + "planned_at) values (?, ?, ?, ?, ?) returning id", rs -> rs.getLong(1), syncRunId, mode.name(),
                    graceDays, heldReason, now());
            List<Object[]> rows = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                PlanItem item = items.get(i);
                Candidate a = item.assignment();
                rows.add(new Object[] {id, i, a.userId(), a.userPrincipalName(), a.displayName(), a.disabledSince(),
                        a.skuId(), a.skuPartNumber(), a.groupId(), item.action().name(), item.reason(),
                        status.apply(item).name()});
            }
            Jdbc.batch(c, """
                    insert into offboarding_plan_item (plan_id, position, user_id, user_principal_name, display_name,
                        disabled_since, sku_id, sku_part_number, assigned_by_group_id, action, reason, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            Jdbc.update(c, "delete from offboarding_plan where id <> ?", id);
            return id;
        });
    }

    /** A sync could not be planned after: the latest plan stays, marked with why (a first plan is created empty). */
    @Transactional
    void skipped(long syncRunId, Mode mode, int graceDays, String reason) {
        Jdbc.useConnection(dataSource, "mark the offboarding plan", c -> {
            if (Jdbc.update(c, "update offboarding_plan set skipped_at = ?, skipped_reason = ?", now(), reason) == 0) {
                Jdbc.update(c, "insert into offboarding_plan (sync_run_id, mode, grace_days, planned_at, skipped_at, "
                        + "skipped_reason) values (?, ?, ?, ?, ?, ?)", syncRunId, mode.name(), graceDays, now(), now(),
                        reason);
            }
        });
    }

    /** What enforce mode did with one item (or, for a group removal, where it stands). */
    @Transactional
    void executed(long planId, int position, OffboardingItemStatus status, ActionError error, long auditEventId) {
        Jdbc.useConnection(dataSource, "record an offboarding step", c -> Jdbc.update(c, """
                update offboarding_plan_item set status = ?, error_code = ?, error_message = ?, executed_at = ?,
                    audit_event_id = ? where plan_id = ? and position = ?""", status.name(),
                error == null ? null : error.code().name(), error == null ? null : error.message(), now(),
                auditEventId, planId, position));
    }

    /** Every group membership removal the policy made, by "userId groupId". */
    Map<String, GroupRemoval> groupRemovals() {
        Map<String, GroupRemoval> out = new HashMap<>();
        for (GroupRemoval r : groupRemovalList()) {
            out.put(r.key(), r);
        }
        return out;
    }

    /** Every group membership removal the policy made, oldest first. */
    public List<GroupRemoval> groupRemovalList() {
        return Jdbc.withConnection(dataSource, "read the offboarding group removals", c -> Jdbc.query(c,
                "select user_id, group_id, status, requested_at, requested_sync_run_id, syncs_checked, settled_at, "
                        + "audit_event_id from offboarding_group_removal order by requested_at, user_id, group_id",
                rs -> new GroupRemoval(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        OffboardingItemStatus.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class),
                        rs.getLong(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class), rs.getLong(8))));
    }

    /** The policy removed the membership: pending until a sync confirms the inherited license went. */
    @Transactional
    void groupRemovalRequested(UUID userId, UUID groupId, long syncRunId, long auditEventId) {
        Jdbc.useConnection(dataSource, "record an offboarding group removal", c -> Jdbc.update(c, """
                insert into offboarding_group_removal (user_id, group_id, status, requested_at, requested_sync_run_id,
                    syncs_checked, settled_at, audit_event_id) values (?, ?, 'PENDING_CONFIRMATION', ?, ?, 0, null, ?)
                on conflict (user_id, group_id) do update set status = excluded.status,
                    requested_at = excluded.requested_at, requested_sync_run_id = excluded.requested_sync_run_id,
                    syncs_checked = 0, settled_at = null, audit_event_id = excluded.audit_event_id""",
                userId, groupId, now(), syncRunId, auditEventId));
    }

    /**
     * After sync run {@code syncRunId}: each pending removal made after an earlier run is checked once more. CONFIRMED
     * when no license inherited from the group is left on the user, NOT_CONVERGED when one still is after
     * {@code maxSyncs} checks, else still pending. Returns the removals this settled.
     */
    @Transactional
    List<GroupRemoval> checkPendingGroupRemovals(long syncRunId, int maxSyncs) {
        return Jdbc.withConnection(dataSource, "check the offboarding group removals", c -> Jdbc.query(c, """
                with checked as (
                    select r.user_id, r.group_id, r.syncs_checked + 1 as n,
                           not exists (select 1 from license_assignment la where la.user_id = r.user_id
                                       and la.assigned_by_group_id = r.group_id) as gone
                    from offboarding_group_removal r
                    where r.status = 'PENDING_CONFIRMATION' and r.requested_sync_run_id < ?)
                update offboarding_group_removal r set syncs_checked = k.n,
                    status = case when k.gone then 'CONFIRMED' when k.n >= ? then 'NOT_CONVERGED' else r.status end,
                    settled_at = case when k.gone or k.n >= ? then ?::timestamptz end
                from checked k where k.user_id = r.user_id and k.group_id = r.group_id
                returning r.user_id, r.group_id, r.status, r.requested_at, r.requested_sync_run_id, r.syncs_checked,
                    r.settled_at, r.audit_event_id""", rs -> new GroupRemoval(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), OffboardingItemStatus.valueOf(rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class), rs.getLong(5), rs.getInt(6),
                rs.getObject(7, OffsetDateTime.class), rs.getLong(8)), syncRunId, maxSyncs, maxSyncs, now()))
                .stream().filter(r -> r.status() != OffboardingItemStatus.PENDING_CONFIRMATION).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
