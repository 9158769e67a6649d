package io.m365insights.automation;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import io.m365insights.db.Page;
import io.m365insights.config.M365Config.Offboarding.Mode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        return read(c -> Jdbc.query(c, """
                select id, planned_at, sync_run_id, mode, grace_days, held_reason, skipped_at, skipped_reason
                from offboarding_plan order by id desc limit 1""", rs -> new PlanHeader(rs.getLong(1),
                time(rs.getTimestamp(2)), rs.getObject(3, Long.class), Mode.valueOf(rs.getString(4)), rs.getInt(5),
                rs.getString(6), time(rs.getTimestamp(7)), rs.getString(8))).stream().findFirst());
    }

    /** How many items the plan has per action, and per status. */
    public Map<OffboardingAction, Integer> countsByAction(long planId) {
        Map<OffboardingAction, Integer> counts = new EnumMap<>(OffboardingAction.class);
        for (OffboardingAction a : OffboardingAction.values()) {
            counts.put(a, 0);
        }
        group(planId, "action").forEach((k, n) -> counts.put(OffboardingAction.valueOf(k), n));
        return counts;
    }

    public Map<OffboardingItemStatus, Integer> countsByStatus(long planId) {
        Map<OffboardingItemStatus, Integer> counts = new EnumMap<>(OffboardingItemStatus.class);
        for (OffboardingItemStatus s : OffboardingItemStatus.values()) {
            counts.put(s, 0);
        }
        group(planId, "status").forEach((k, n) -> counts.put(OffboardingItemStatus.valueOf(k), n));
        return counts;
    }

    /** Items after {@code afterPosition} (null: from the first), optionally of some actions only. */
    public Page<PlanItemRow> items(long planId, List<OffboardingAction> actions, Integer afterPosition, int limit) {
        String[] only = names(actions);
        return read(c -> Page.of(Jdbc.query(c, """
                select position, user_id, user_principal_name, display_name, disabled_since, sku_id, sku_part_number,
                       assigned_by_group_id, action, reason, status, error_code, error_message, executed_at,
                       audit_event_id
                from offboarding_plan_item
                where plan_id = ? and position > ? and (cast(? as text[]) is null or action = any (?))
                order by position limit ?""", rs -> new PlanItemRow(rs.getInt(1), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), time(rs.getTimestamp(5)), rs.getObject(6, UUID.class),
                rs.getString(7), rs.getObject(8, UUID.class), OffboardingAction.valueOf(rs.getString(9)),
                rs.getString(10), OffboardingItemStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                time(rs.getTimestamp(14)), rs.getObject(15, Long.class)),
                planId, afterPosition == null ? -1 : afterPosition, only, only, limit + 1), limit));
    }

    /** How many items the plan has, optionally of some actions only. */
    public int count(long planId, List<OffboardingAction> actions) {
        String[] only = names(actions);
        return read(c -> Jdbc.queryOne(c, "select count(*) from offboarding_plan_item where plan_id = ? "
                + "and (cast(? as text[]) is null or action = any (?))", rs -> rs.getInt(1), planId, only, only));
    }

    /** Null (every action) or the names of some. */
    private static String[] names(List<OffboardingAction> actions) {
        return actions == null || actions.isEmpty() ? null : actions.stream().map(Enum::name).toArray(String[]::new);
    }

    private Map<String, Integer> group(long planId, String column) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        read(c -> Jdbc.query(c, "select " + column + ", count(*) from offboarding_plan_item where plan_id = ? group by "
                + column, rs -> counts.put(rs.getString(1), rs.getInt(2)), planId));
        return counts;
    }

    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, "read the offboarding plan", work);
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
