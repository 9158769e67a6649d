package io.m365insights.actions;

import io.agroal.api.AgroalDataSource;
import io.m365insights.db.Jdbc;
import io.m365insights.licenses.EffectiveAssignment;
import io.m365insights.msgraph.MsGraphUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Applies a change Microsoft Graph has accepted to our copy of the directory at once, so the API shows it without
 * waiting for the next sync (which then finds the same). Each method joins the caller's transaction, in which the
 * audit event is written too. A SKU's consumed units follow Graph's rule: a user counts once per SKU, when at least
 * one of their assignments of it took effect (state other than Error).
 */
@ApplicationScoped
public class LocalDirectory {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeDirect(UUID userId, UUID skuId) {
        Jdbc.useConnection(dataSource, "update the directory", c -> {
            boolean before = consumes(c, userId, skuId);
            recordSeatEvent(c, userId, skuId, "RECLAIMED", true);
            try (PreparedStatement ps = c.prepareStatement("delete from license_assignment where user_id = ? "
                    + "and sku_id = ? and assigned_by_group_id is null")) {
                ps.setObject(1, userId);
                ps.setObject(2, skuId);
                ps.executeUpdate();
            }
            adjustConsumed(c, skuId, before, consumes(c, userId, skuId));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putDirect(UUID userId, UUID skuId, List<UUID> disabledPlans) {
        Jdbc.useConnection(dataSource, "update the directory", c -> {
            boolean before = consumes(c, userId, skuId);
            recordSeatEvent(c, userId, skuId, "ASSIGNED", false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into license_assignment (user_id, sku_id, assigned_by_group_id, state, error,
                        disabled_plan_ids, last_updated_at) values (?, ?, null, 'Active', null, ?, ?)
                    on conflict (user_id, sku_id, coalesce(assigned_by_group_id,
                        '00000000-0000-0000-0000-000000000000'::uuid))
                    do update set state = 'Active', error = null, disabled_plan_ids = excluded.disabled_plan_ids,
                        last_updated_at = excluded.last_updated_at""")) {
                ps.setObject(1, userId);
                ps.setObject(2, skuId);
                // sorted, as the sync stores them
                ps.setArray(3, c.createArrayOf("uuid", disabledPlans.stream().sorted(Comparator.naturalOrder())
                        .toArray(UUID[]::new)));
                ps.setObject(4, OffsetDateTime.now(clock));
                ps.executeUpdate();
            }
            adjustConsumed(c, skuId, before, consumes(c, userId, skuId));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setUsageLocation(UUID userId, String usageLocation) {
        Jdbc.useConnection(dataSource, "update the directory", c -> {
            try (PreparedStatement ps = c.prepareStatement("update directory_user set usage_location = ?, "
                    + "updated_at = ? where id = ?")) {
                ps.setString(1, usageLocation);
                ps.setObject(2, OffsetDateTime.now(clock));
                ps.setObject(3, userId);
                ps.executeUpdate();
            }
        });
    }

    /** A user we just created (no licenses yet). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertUser(MsGraphUser u) {
        Jdbc.useConnection(dataSource, "update the directory", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into directory_user (id, user_principal_name, display_name, mail, account_enabled,
                        department, job_title, usage_location, created_at, first_seen_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set user_principal_name = excluded.user_principal_name,
                        display_name = excluded.display_name, mail = excluded.mail,
                        account_enabled = excluded.account_enabled, department = excluded.department,
                        job_title = excluded.job_title, usage_location = excluded.usage_location,
                        created_at = excluded.created_at, deleted_at = null, updated_at = excluded.updated_at""")) {
                ps.setObject(1, u.id());
                ps.setString(2, u.userPrincipalName());
                ps.setString(3, u.displayName());
                ps.setString(4, u.mail());
                ps.setBoolean(5, u.accountEnabled());
                ps.setString(6, u.department());
                ps.setString(7, u.jobTitle());
                ps.setString(8, u.usageLocation());
                ps.setTimestamp(9, u.createdAt() == null ? null : Timestamp.from(u.createdAt().toInstant()));
                ps.setObject(10, OffsetDateTime.now(clock));
                ps.setObject(11, OffsetDateTime.now(clock));
                ps.executeUpdate();
            }
        });
    }

    /**
     * Seat history of our own change to a direct assignment: {@code kind} when the direct assignment exists
     * ({@code present}) or does not exist yet (not {@code present}), so a repeated call records nothing twice.
     */
    private void recordSeatEvent(Connection c, UUID userId, UUID skuId, String kind, boolean present)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into seat_event (occurred_at, user_id, sku_id, assigned_by_group_id, kind, source)
                select ?, ?, ?, null, ?, 'ACTION'
                where exists (select 1 from license_assignment where user_id = ? and sku_id = ?
                    and assigned_by_group_id is null) = ?""")) {
            ps.setObject(1, OffsetDateTime.now(clock));
            ps.setObject(2, userId);
            ps.setObject(3, skuId);
            ps.setString(4, kind);
            ps.setObject(5, userId);
            ps.setObject(6, skuId);
            ps.setBoolean(7, present);
            ps.executeUpdate();
        }
    }

    private static boolean consumes(Connection c, UUID userId, UUID skuId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from license_assignment where "
                + "user_id = ? and sku_id = ? and " + EffectiveAssignment.condition("state") + ")")) {
            ps.setObject(1, userId);
            ps.setObject(2, skuId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void adjustConsumed(Connection c, UUID skuId, boolean before, boolean after) throws SQLException {
        if (before == after) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update sku set consumed_units = greatest(0, consumed_units + ?),"
                + " updated_at = now() where sku_id = ?")) {
            ps.setInt(1, after ? 1 : -1);
            ps.setObject(2, skuId);
            ps.executeUpdate();
        }
    }
}
