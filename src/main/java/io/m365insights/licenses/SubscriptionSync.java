package io.m365insights.licenses;

import io.m365insights.db.Jdbc;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphErrorKind;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.msgraph.MsGraphSubscription;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Syncs the tenant's subscriptions ({@code GET /directory/subscriptions}, Organization.Read.All — the permission the
 * SKUs already need): complete listing first, then one transaction of upserts by id; a subscription no longer listed
 * keeps its row with {@code removed_at}. A failed listing changes nothing.
 */
@ApplicationScoped
public class SubscriptionSync implements SyncStep {
    private final MsGraphClient msGraph;
    private final Clock clock;

    @Inject
    public SubscriptionSync(MsGraphClient msGraph, Clock clock) {
        this.msGraph = msGraph;
        this.clock = clock;
    }

    @Override
    public SyncPartName part() {
        return SyncPartName.SUBSCRIPTIONS;
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        List<MsGraphSubscription> subscriptions;
        try {
            subscriptions = msGraph.listSubscriptions();
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.FORBIDDEN) {
                throw new IllegalStateException("subscriptions: forbidden — grant the application permission "
                        + "Organization.Read.All (Microsoft Graph, admin consent) to the app registration", e);
            }
            throw e;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Connection c = context.connection();
        return Jdbc.inTransaction(c, () -> {
            int created = 0;
            int updated = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into subscription as s (id, commerce_subscription_id, sku_id, sku_part_number, status,
                        is_trial, total_licenses, created_at, next_lifecycle_at, owner_tenant_id, owner_type,
                        first_seen_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set commerce_subscription_id = excluded.commerce_subscription_id,
                        sku_id = excluded.sku_id, sku_part_number = excluded.sku_part_number, status = excluded.status,
                        is_trial = excluded.is_trial, total_licenses = excluded.total_licenses,
                        created_at = excluded.created_at, next_lifecycle_at = excluded.next_lifecycle_at,
                        owner_tenant_id = excluded.owner_tenant_id, owner_type = excluded.owner_type,
                        updated_at = excluded.updated_at, removed_at = null
                    where (s.commerce_subscription_id, s.sku_id, s.sku_part_number, s.status, s.is_trial,
                           s.total_licenses, s.created_at, s.next_lifecycle_at, s.owner_tenant_id, s.owner_type,
                           s.removed_at)
                       is distinct from (excluded.commerce_subscription_id, excluded.sku_id, excluded.sku_part_number,
                           excluded.status, excluded.is_trial, excluded.total_licenses, excluded.created_at,
                           excluded.next_lifecycle_at, excluded.owner_tenant_id, excluded.owner_type, null)
                    returning (xmax = 0)""")) {
                for (MsGraphSubscription s : subscriptions) {
                    int i = 1;
                    ps.setObject(i++, s.id());
                    ps.setString(i++, s.commerceSubscriptionId());
                    ps.setObject(i++, s.skuId(), Types.OTHER);
                    ps.setString(i++, s.skuPartNumber());
                    ps.setString(i++, s.status() == null ? "Enabled" : s.status());
                    ps.setBoolean(i++, s.trial());
                    ps.setInt(i++, s.totalLicenses());
                    ps.setObject(i++, s.createdAt());
                    ps.setObject(i++, s.nextLifecycleAt());
                    ps.setObject(i++, s.ownerTenantId(), Types.OTHER);
                    ps.setString(i++, s.ownerType());
                    ps.setObject(i++, now);
                    ps.setObject(i, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            if (rs.getBoolean(1)) {
                                created++;
                            } else {
                                updated++;
                            }
                        }
                    }
                }
            }
            int removed;
            try (PreparedStatement ps = c.prepareStatement("update subscription set removed_at = ?, updated_at = ? "
                    + "where removed_at is null and not (id = any (?))")) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setArray(3, c.createArrayOf("uuid", subscriptions.stream().map(MsGraphSubscription::id)
                        .toArray(UUID[]::new)));
                removed = ps.executeUpdate();
            }
            return new Outcome(subscriptions.size(), created, updated, removed, subscriptions.size() + " subscriptions");
        });
    }
}
