package io.m365insights.automation;

import io.agroal.api.AgroalDataSource;
import io.m365insights.actions.ActionError;
import io.m365insights.config.M365Config.Offboarding.Mode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Reads what the planner needs and stores the plan (only the latest plan is kept). */
@ApplicationScoped
public class OffboardingPlanStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** Every license assignment of every disabled, not deleted account, in the order the plan lists them. */
    List<Candidate> candidates() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select u.id, u.user_principal_name, u.display_name, coalesce(u.disabled_since, ?), la.sku_id,
                       s.sku_part_number, la.assigned_by_group_id
                from directory_user u
                join license_assignment la on la.user_id = u.id
                left join sku s on s.sku_id = la.sku_id
                where not u.account_enabled and u.deleted_at is null
                order by lower(u.user_principal_name), u.id, s.sku_part_number, la.sku_id,
                         la.assigned_by_group_id nulls first""")) {
            ps.setObject(1, now());
            List<Candidate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC), rs.getObject(5, UUID.class),
                            rs.getString(6), rs.getObject(7, UUID.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the disabled accounts: " + e.getMessage(), e);
        }
    }

    /** Stores a new plan and drops the previous one; returns its id. Item {@code i} gets position {@code i}. */
    @Transactional
    long save(Long syncRunId, Mode mode, int graceDays, String heldReason, List<PlanItem> items,
              Function<PlanItem, OffboardingItemStatus> status) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into offboarding_plan (sync_run_id, mode, grace_days, "
                    + "held_reason, planned_at) values (?, ?, ?, ?, ?) returning id")) {
                setLong(ps, 1, syncRunId);
                ps.setString(2, mode.name());
                ps.setInt(3, graceDays);
                ps.setString(4, heldReason);
                ps.setObject(5, now());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into offboarding_plan_item (plan_id, position, user_id, user_principal_name, display_name,
                        disabled_since, sku_id, sku_part_number, assigned_by_group_id, action, reason, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < items.size(); i++) {
                    PlanItem item = items.get(i);
                    Candidate a = item.assignment();
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setObject(3, a.userId());
                    ps.setString(4, a.userPrincipalName());
                    ps.setString(5, a.displayName());
                    ps.setTimestamp(6, Timestamp.from(a.disabledSince().toInstant()));
                    ps.setObject(7, a.skuId());
                    ps.setString(8, a.skuPartNumber());
                    ps.setObject(9, a.groupId(), Types.OTHER);
                    ps.setString(10, item.action().name());
                    ps.setString(11, item.reason());
                    ps.setString(12, status.apply(item).name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from offboarding_plan where id <> ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the offboarding plan: " + e.getMessage(), e);
        }
    }

    /** A sync could not be planned after: the latest plan stays, marked with why (a first plan is created empty). */
    @Transactional
    void skipped(long syncRunId, Mode mode, int graceDays, String reason) {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("update offboarding_plan set skipped_at = ?, "
                    + "skipped_reason = ?")) {
                ps.setObject(1, now());
                ps.setString(2, reason);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into offboarding_plan (sync_run_id, mode, "
                        + "grace_days, planned_at, skipped_at, skipped_reason) values (?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, syncRunId);
                    ps.setString(2, mode.name());
                    ps.setInt(3, graceDays);
                    ps.setObject(4, now());
                    ps.setObject(5, now());
                    ps.setString(6, reason);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark the offboarding plan: " + e.getMessage(), e);
        }
    }

    /** What enforce mode did with one item. */
    @Transactional
    void executed(long planId, int position, OffboardingItemStatus status, ActionError error, long auditEventId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update offboarding_plan_item set status = ?, error_code = ?, error_message = ?, executed_at = ?,
                    audit_event_id = ? where plan_id = ? and position = ?""")) {
            ps.setString(1, status.name());
            ps.setString(2, error == null ? null : error.code().name());
            ps.setString(3, error == null ? null : error.message());
            ps.setObject(4, now());
            ps.setLong(5, auditEventId);
            ps.setLong(6, planId);
            ps.setInt(7, position);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an offboarding step: " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
