package io.m365insights.licenses;

import io.m365insights.db.Jdbc;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphSku;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Syncs the tenant's subscribed SKUs and their seat counts. Upserts by skuId; a SKU Graph no longer lists keeps its
 * row with {@code removed_at}. All in one transaction.
 */
@ApplicationScoped
public class LicenseSync extends SyncPart {
    @Inject
    MsGraphClient msGraph;

    LicenseSync() {
        super(SyncPartName.LICENSES);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        List<MsGraphSku> skus = msGraph.listSubscribedSkus();
        Connection c = context.connection();
        return Jdbc.inTransaction(c, () -> {
            Jdbc.Upserted upserted = Jdbc.upsertEach(c, """
                    insert into sku as s (sku_id, subscribed_sku_id, sku_part_number, applies_to, capability_status,
                        enabled_units, suspended_units, warning_units, locked_out_units, consumed_units)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (sku_id) do update set subscribed_sku_id = excluded.subscribed_sku_id,
                        sku_part_number = excluded.sku_part_number, applies_to = excluded.applies_to,
                        capability_status = excluded.capability_status, enabled_units = excluded.enabled_units,
                        suspended_units = excluded.suspended_units, warning_units = excluded.warning_units,
                        locked_out_units = excluded.locked_out_units, consumed_units = excluded.consumed_units,
                        removed_at = null, updated_at = now()
                    where (s.subscribed_sku_id, s.sku_part_number, s.applies_to, s.capability_status, s.enabled_units,
                           s.suspended_units, s.warning_units, s.locked_out_units, s.consumed_units, s.removed_at)
                       is distinct from (excluded.subscribed_sku_id, excluded.sku_part_number, excluded.applies_to,
                           excluded.capability_status, excluded.enabled_units, excluded.suspended_units,
                           excluded.warning_units, excluded.locked_out_units, excluded.consumed_units, null)
                    returning (xmax = 0)""", skus, s -> new Object[]{s.skuId(), s.subscribedSkuId(),
                    s.skuPartNumber(), s.appliesTo(), s.capabilityStatus(), s.enabledUnits(), s.suspendedUnits(),
                    s.warningUnits(), s.lockedOutUnits(), s.consumedUnits()});
            replaceServicePlans(c, skus);
            int removed = Jdbc.update(c, "update sku set removed_at = now(), updated_at = now() "
                    + "where removed_at is null and not (sku_id = any (?))",
                    (Object) skus.stream().map(MsGraphSku::skuId).toArray(UUID[]::new));
            return new Outcome(skus.size(), upserted.created(), upserted.updated(), removed, skus.size() + " SKUs");
        });
    }

    private static void replaceServicePlans(Connection c, List<MsGraphSku> skus) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from sku_service_plan where sku_id = ?");
             PreparedStatement insert = c.prepareStatement("insert into sku_service_plan (sku_id, service_plan_id, "
                     + "service_plan_name, provisioning_status, applies_to) values (?, ?, ?, ?, ?) "
                     + "on conflict do nothing")) {
            for (MsGraphSku s : skus) {
                delete.setObject(1, s.skuId());
                delete.addBatch();
                for (MsGraphSku.ServicePlan p : s.servicePlans()) {
                    insert.setObject(1, s.skuId());
                    insert.setObject(2, p.servicePlanId());
                    insert.setString(3, p.servicePlanName());
                    insert.setString(4, p.provisioningStatus());
                    insert.setString(5, p.appliesTo());
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
