package io.m365insights.licenses;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the stored subscriptions (those Microsoft Graph still lists), batched: one statement per call. */
@ApplicationScoped
public class SubscriptionQueries {
    private static final String COLUMNS = "id, commerce_subscription_id, sku_id, sku_part_number, status, is_trial, "
            + "total_licenses, created_at, next_lifecycle_at, owner_tenant_id, owner_type";

    /** A subscription as last synced. */
    public record Subscription(UUID id, String commerceSubscriptionId, UUID skuId, String skuPartNumber, String status,
                               boolean trial, int totalLicenses, OffsetDateTime createdAt,
                               OffsetDateTime nextLifecycleAt, UUID ownerTenantId, String ownerType) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The subscriptions of many SKUs, keyed by SKU, each SKU's by next lifecycle date (soonest first). */
    public Map<UUID, List<Subscription>> bySku(Collection<UUID> skuIds) {
        Map<UUID, List<Subscription>> out = new HashMap<>();
        if (skuIds.isEmpty()) {
            return out;
        }
        query("select " + COLUMNS + " from subscription where removed_at is null and sku_id = any (?) "
                + "order by next_lifecycle_at nulls last, id", skuIds.toArray(UUID[]::new), null)
                .forEach(s -> out.computeIfAbsent(s.skuId(), k -> new ArrayList<>()).add(s));
        return out;
    }

    /** Subscriptions whose next lifecycle date falls in [from, to], soonest first. */
    public List<Subscription> nextLifecycleBetween(OffsetDateTime from, OffsetDateTime to) {
        return query("select " + COLUMNS + " from subscription where removed_at is null "
                + "and next_lifecycle_at between ? and ? order by next_lifecycle_at, id", null, new OffsetDateTime[]{from, to});
    }

    private List<Subscription> query(String sql, UUID[] ids, OffsetDateTime[] range) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (ids != null) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
            } else {
                ps.setObject(1, range[0]);
                ps.setObject(2, range[1]);
            }
            List<Subscription> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getInt(7),
                            rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                            rs.getObject(10, UUID.class), rs.getString(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the subscriptions: " + e.getMessage(), e);
        }
    }
}
