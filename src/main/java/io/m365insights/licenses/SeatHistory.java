package io.m365insights.licenses;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the seat history (seat_event, written by the users sync and by our own license changes). */
@ApplicationScoped
public class SeatHistory {

    /** One assignment: a user's seat of a SKU, direct ({@code groupId} null) or through a group. */
    public record Assignment(UUID userId, UUID skuId, UUID groupId) {
    }

    /** How many seats of a SKU changed in one way on one day (UTC). */
    public record Change(LocalDate day, String kind, int count) {
    }

    @Inject
    AgroalDataSource dataSource;

    /**
     * For the assignments of these users, the day each was last seen to appear (by a sync or by our own change);
     * absent when it was already there at the first sync of this install, so its start is unknown.
     */
    public Map<Assignment, LocalDate> assignedSince(Collection<UUID> userIds) {
        Map<Assignment, LocalDate> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select user_id, sku_id, assigned_by_group_id, kind, (occurred_at at time zone 'UTC')::date
                from (select distinct on (user_id, sku_id, assigned_by_group_id) *
                      from seat_event where user_id = any (?) and kind in ('FIRST_SEEN', 'ASSIGNED')
                      order by user_id, sku_id, assigned_by_group_id, id desc) latest""")) {
            ps.setArray(1, c.createArrayOf("uuid", userIds.toArray(UUID[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(4).equals("ASSIGNED")) {
                        out.put(new Assignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class)), rs.getObject(5, LocalDate.class));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the seat history: " + e.getMessage(), e);
        }
    }

    /** Per day (UTC) in [from, to] and kind (ASSIGNED, REMOVED, RECLAIMED), how many seats of the SKU changed. */
    public List<Change> changes(UUID skuId, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select (occurred_at at time zone 'UTC')::date as day, kind, count(*)
                from seat_event where sku_id = ? and kind <> 'FIRST_SEEN'
                  and occurred_at >= ? and occurred_at < ?
                group by day, kind order by day, kind""")) {
            ps.setObject(1, skuId);
            ps.setObject(2, from.atStartOfDay().atOffset(ZoneOffset.UTC));
            ps.setObject(3, to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the seat history: " + e.getMessage(), e);
        }
    }
}
