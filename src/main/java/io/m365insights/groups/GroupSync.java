package io.m365insights.groups;

import io.m365insights.db.Jdbc;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphLicensingGroup;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Syncs the licensing groups (Group.Read.All): the complete listing of the groups that carry licenses and every
 * group's members first, then one transaction — complete or nothing, like the users listing. A group no longer listed
 * keeps its row with {@code removed_at}; its licenses and members go.
 */
@ApplicationScoped
public class GroupSync extends SyncPart {
    static final String PERMISSION_HINT = "grant the application permission Group.Read.All (Microsoft Graph, admin "
            + "consent) to the app registration";
    @Inject
    MsGraphClient msGraph;
    @Inject
    Clock clock;

    GroupSync() {
        super(SyncPartName.GROUPS);
    }

    /** Graph's group as we classify it: Microsoft 365 (Unified), mail-enabled security, or security. */
    public static String kind(MsGraphLicensingGroup g) {
        if (g.groupTypes().stream().anyMatch("Unified"::equalsIgnoreCase)) {
            return "MICROSOFT_365";
        }
        return g.mailEnabled() ? "MAIL_ENABLED_SECURITY" : "SECURITY";
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        List<MsGraphLicensingGroup> groups = listing("licensing groups", PERMISSION_HINT, () -> {
            List<MsGraphLicensingGroup> listed = msGraph.listLicensingGroups();
            for (MsGraphLicensingGroup g : listed) {
                members.put(g.id(), msGraph.listGroupMembers(g.id()));
            }
            return listed;
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        Connection c = context.connection();
        return Jdbc.inTransaction(c, () -> {
            Jdbc.Upserted upserted = Jdbc.upsertEach(c, """
                    insert into licensing_group as g (id, display_name, kind, dynamic, on_premises_synced,
                        membership_rule, first_seen_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set display_name = excluded.display_name, kind = excluded.kind,
                        dynamic = excluded.dynamic, on_premises_synced = excluded.on_premises_synced,
                        membership_rule = excluded.membership_rule, updated_at = excluded.updated_at, removed_at = null
                    where (g.display_name, g.kind, g.dynamic, g.on_premises_synced, g.membership_rule, g.removed_at)
                       is distinct from (excluded.display_name, excluded.kind, excluded.dynamic,
                           excluded.on_premises_synced, excluded.membership_rule, null)
                    returning (xmax = 0)""", groups, g -> new Object[]{g.id(), g.displayName(), kind(g),
                    g.groupTypes().stream().anyMatch("DynamicMembership"::equalsIgnoreCase), g.onPremisesSynced(),
                    g.membershipRule(), now, now});
            int removed = Jdbc.update(c, "update licensing_group set removed_at = ?, updated_at = ? "
                    + "where removed_at is null and not (id = any (?))", now, now,
                    groups.stream().map(MsGraphLicensingGroup::id).toArray(UUID[]::new));
            Jdbc.update(c, "delete from licensing_group_license");
            Jdbc.update(c, "delete from licensing_group_member");
            try (PreparedStatement ps = c.prepareStatement("insert into licensing_group_license (group_id, sku_id) "
                    + "values (?, ?) on conflict do nothing")) {
                for (MsGraphLicensingGroup g : groups) {
                    for (UUID sku : g.skuIds()) {
                        ps.setObject(1, g.id());
                        ps.setObject(2, sku);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            int memberships = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into licensing_group_member (group_id, user_id) "
                    + "values (?, ?) on conflict do nothing")) {
                for (Map.Entry<UUID, List<UUID>> e : members.entrySet()) {
                    for (UUID user : e.getValue()) {
                        ps.setObject(1, e.getKey());
                        ps.setObject(2, user);
                        ps.addBatch();
                        if (++memberships % 1000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            return new Outcome(groups.size(), upserted.created(), upserted.updated(), removed, groups.size()
                    + " licensing groups, " + memberships + " memberships");
        });
    }
}
