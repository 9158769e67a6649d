package io.m365insights.groups;

import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphErrorKind;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.msgraph.MsGraphLicensingGroup;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
public class GroupSync implements SyncStep {
    static final String PERMISSION_HINT = "grant the application permission Group.Read.All (Microsoft Graph, admin "
            + "consent) to the app registration";
    private final MsGraphClient msGraph;
    private final Clock clock;

    @Inject
    public GroupSync(MsGraphClient msGraph, Clock clock) {
        this.msGraph = msGraph;
        this.clock = clock;
    }

    @Override
    public SyncPartName part() {
        return SyncPartName.GROUPS;
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
        List<MsGraphLicensingGroup> groups;
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        try {
            groups = msGraph.listLicensingGroups();
            for (MsGraphLicensingGroup g : groups) {
                members.put(g.id(), msGraph.listGroupMembers(g.id()));
            }
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.FORBIDDEN) {
                throw new IllegalStateException("licensing groups: forbidden — " + PERMISSION_HINT, e);
            }
            throw e;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Connection c = context.connection();
        c.setAutoCommit(false);
        try {
            int created = 0;
            int updated = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into licensing_group as g (id, display_name, kind, dynamic, on_premises_synced,
                        membership_rule, first_seen_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set display_name = excluded.display_name, kind = excluded.kind,
                        dynamic = excluded.dynamic, on_premises_synced = excluded.on_premises_synced,
                        membership_rule = excluded.membership_rule, updated_at = excluded.updated_at, removed_at = null
                    where (g.display_name, g.kind, g.dynamic, g.on_premises_synced, g.membership_rule, g.removed_at)
                       is distinct from (excluded.display_name, excluded.kind, excluded.dynamic,
                           excluded.on_premises_synced, excluded.membership_rule, null)
                    returning (xmax = 0)""")) {
                for (MsGraphLicensingGroup g : groups) {
                    int i = 1;
                    ps.setObject(i++, g.id());
                    ps.setString(i++, g.displayName());
                    ps.setString(i++, kind(g));
                    ps.setBoolean(i++, g.groupTypes().stream().anyMatch("DynamicMembership"::equalsIgnoreCase));
                    ps.setBoolean(i++, g.onPremisesSynced());
                    ps.setString(i++, g.membershipRule());
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
            UUID[] listed = groups.stream().map(MsGraphLicensingGroup::id).toArray(UUID[]::new);
            try (PreparedStatement ps = c.prepareStatement("update licensing_group set removed_at = ?, updated_at = ? "
                    + "where removed_at is null and not (id = any (?))")) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setArray(3, c.createArrayOf("uuid", listed));
                removed = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from licensing_group_license");
                 PreparedStatement pm = c.prepareStatement("delete from licensing_group_member")) {
                ps.executeUpdate();
                pm.executeUpdate();
            }
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
            c.commit();
            return new Outcome(groups.size(), created, updated, removed, groups.size() + " licensing groups, "
                    + memberships + " memberships");
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
