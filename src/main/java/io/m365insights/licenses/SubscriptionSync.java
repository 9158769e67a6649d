package io.m365insights.licenses;

import io.m365insights.db.Jdbc;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphSubscription;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
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
public class SubscriptionSync extends SyncPart {
    @Inject
    MsGraphClient msGraph;
    @Inject
    Clock clock;

    SubscriptionSync() {
        super(SyncPartName.SUBSCRIPTIONS);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        List<MsGraphSubscription> subscriptions = listing("subscriptions", "grant the application permission "
                + "Organization.Read.All (Microsoft Graph, admin consent) to the app registration",
                msGraph::listSubscriptions);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Connection c = context.connection();
        return Jdbc.inTransaction(c, () -> {
            Jdbc.Upserted upserted = Jdbc.upsertEach(c, """
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
                    returning (xmax = 0)""", subscriptions, s -> new Object[]{s.id(),
                    s.commerceSubscriptionId(), s.skuId(), s.skuPartNumber(), s.status() == null ? "Enabled" : s.status(),
                    s.trial(), s.totalLicenses(), s.createdAt(), s.nextLifecycleAt(), s.ownerTenantId(), s.ownerType(),
                    now, now});
            int removed = Jdbc.update(c, "update subscription set removed_at = ?, updated_at = ? "
                    + "where removed_at is null and not (id = any (?))", now, now,
                    subscriptions.stream().map(MsGraphSubscription::id).toArray(UUID[]::new));
            return new Outcome(subscriptions.size(), upserted.created(), upserted.updated(), removed,
                    subscriptions.size() + " subscriptions");
        });
    }
}
