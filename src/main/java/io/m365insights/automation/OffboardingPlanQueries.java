package io.m365insights.automation;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Page;
import io.m365insights.config.M365Config.Offboarding.Mode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the latest offboarding plan: its header, counts, and its items a page at a time (keyset on position). */
@ApplicationScoped
public class OffboardingPlanQueries {

    @Inject
    AgroalDataSource dataSource;

    public Optional<PlanHeader> latest() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, planned_at, sync_run_id, mode, grace_days, held_reason, skipped_at, skipped_reason
                from offboarding_plan order by id desc limit 1""");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long run = rs.getLong(3);
            return Optional.of(new PlanHeader(rs.getLong(1), time(rs.getTimestamp(2)), rs.wasNull() ? null : run,
                    Mode.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), time(rs.getTimestamp(7)),
                    rs.getString(8)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offboarding plan: " + e.getMessage(), e);
        }
    }

    /** How many items the plan has per action, and per status. */
    public Map<OffboardingAction, Integer> countsByAction(long planId) {
        Map<OffboardingAction, Integer> counts = new EnumMap<>(OffboardingAction.class);
        for (OffboardingAction a : OffboardingAction.values()) {
            counts.put(a, 0);
        }
        group(planId, "action", (k, n) -> counts.put(OffboardingAction.valueOf(k), n));
        return counts;
    }

    public Map<OffboardingItemStatus, Integer> countsByStatus(long planId) {
        Map<OffboardingItemStatus, Integer> counts = new EnumMap<>(OffboardingItemStatus.class);
        for (OffboardingItemStatus s : OffboardingItemStatus.values()) {
            counts.put(s, 0);
        }
        group(planId, "status", (k, n) -> counts.put(OffboardingItemStatus.valueOf(k), n));
        return counts;
    }

    /** Items after {@code afterPosition} (null: from the first), optionally of some actions only. */
    public Page<PlanItemRow> items(long planId, List<OffboardingAction> actions, Integer afterPosition, int limit) {
        StringBuilder sql = new StringBuilder("""
                select position, user_id, user_principal_name, display_name, disabled_since, sku_id, sku_part_number,
                       assigned_by_group_id, action, reason, status, error_code, error_message, executed_at,
                       audit_event_id
                from offboarding_plan_item where plan_id = ? and position > ?""");
        if (actions != null && !actions.isEmpty()) {
            sql.append(" and action = any (?)");
        }
        sql.append(" order by position limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, planId);
            ps.setInt(i++, afterPosition == null ? -1 : afterPosition);
            if (actions != null && !actions.isEmpty()) {
                ps.setArray(i++, c.createArrayOf("text", actions.stream().map(Enum::name).toArray()));
            }
            ps.setInt(i, limit + 1);
            List<PlanItemRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long audit = rs.getLong(15);
                    Long auditId = rs.wasNull() ? null : audit;
                    rows.add(new PlanItemRow(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), time(rs.getTimestamp(5)), rs.getObject(6, UUID.class), rs.getString(7),
                            rs.getObject(8, UUID.class), OffboardingAction.valueOf(rs.getString(9)), rs.getString(10),
                            OffboardingItemStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                            time(rs.getTimestamp(14)), auditId));
                }
            }
            return Page.of(rows, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offboarding plan: " + e.getMessage(), e);
        }
    }

    /** How many items the plan has, optionally of some actions only. */
    public int count(long planId, List<OffboardingAction> actions) {
        boolean some = actions != null && !actions.isEmpty();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from offboarding_plan_item where plan_id = ?" + (some ? " and action = any (?)" : ""))) {
            ps.setLong(1, planId);
            if (some) {
                ps.setArray(2, c.createArrayOf("text", actions.stream().map(Enum::name).toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offboarding plan: " + e.getMessage(), e);
        }
    }

    private interface Count {
        void put(String key, int n);
    }

    private void group(long planId, String column, Count count) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select " + column
                + ", count(*) from offboarding_plan_item where plan_id = ? group by " + column)) {
            ps.setLong(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offboarding plan: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
