package io.m365insights.users;

import io.m365insights.db.Jdbc;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphUser;
import io.m365insights.sync.CopyIn;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Syncs the directory's users and their license assignments. Each page from Microsoft Graph is written to staging
 * tables as it arrives (bounded memory); only once the listing is complete is it applied, in one transaction:
 * upserts by object id, {@code deleted_at} for users missing from the complete listing, and the license assignments
 * replaced where they changed. A listing that fails halfway leaves every table as it was.
 */
@ApplicationScoped
public class UserSync extends SyncPart {
    @Inject
    MsGraphClient msGraph;
    @Inject
    Clock clock;

    UserSync() {
        super(SyncPartName.USERS);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        Connection c = context.connection();
        clearStaging(c);
        int[] read = {0};
        try {
            msGraph.listUsers(page -> {
                stage(c, page);
                read[0] += page.size();
            });
            return apply(c, context.runId(), read[0], OffsetDateTime.now(clock));
        } finally {
            clearStaging(c);
        }
    }

    private static void clearStaging(Connection c) throws SQLException {
        Jdbc.execute(c, "truncate staged_user, staged_license_assignment");
    }

    /** One page into staging with COPY (a user listed twice keeps its last listing: see apply). */
    private static void stage(Connection c, List<MsGraphUser> page) {
        try (CopyIn users = CopyIn.into(c, "staged_user", "id", "user_principal_name", "display_name", "mail",
                "account_enabled", "department", "job_title", "usage_location", "created_at");
             CopyIn licenses = CopyIn.into(c, "staged_license_assignment", "user_id", "sku_id",
                     "assigned_by_group_id", "state", "error", "disabled_plan_ids", "last_updated_at")) {
            for (MsGraphUser u : page) {
                users.row(u.id(), u.userPrincipalName(), u.displayName(), u.mail(), u.accountEnabled(), u.department(),
                        u.jobTitle(), u.usageLocation(), u.createdAt() == null ? null : u.createdAt().toInstant());
                for (MsGraphUser.LicenseState s : u.licenseStates()) {
                    if (s.skuId() == null) {
                        continue;
                    }
                    // sorted, so that the same plans in another order are not seen as a change
                    licenses.row(u.id(), s.skuId(), s.assignedByGroup(), s.state(), s.error(),
                            CopyIn.array(s.disabledPlans().stream().sorted(Comparator.naturalOrder()).toList()),
                            s.lastUpdatedAt() == null ? null : s.lastUpdatedAt().toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage a page of users: " + e.getMessage(), e);
        }
    }

    private static Outcome apply(Connection c, long runId, int read, OffsetDateTime now) throws SQLException {
        return Jdbc.inTransaction(c, () -> {
            int created;
            int updated;
            try (PreparedStatement ps = c.prepareStatement("""
                    with up as (
                        insert into directory_user as d (id, user_principal_name, display_name, mail, account_enabled,
                            department, job_title, usage_location, created_at, first_seen_at, updated_at)
                        select distinct on (id) id, user_principal_name, display_name, mail, account_enabled,
                               department, job_title, usage_location, created_at, ?::timestamptz, ?::timestamptz
                        from staged_user order by id, seq desc
                        on conflict (id) do update set user_principal_name = excluded.user_principal_name,
                            display_name = excluded.display_name, mail = excluded.mail,
                            account_enabled = excluded.account_enabled, department = excluded.department,
                            job_title = excluded.job_title, usage_location = excluded.usage_location,
                            created_at = excluded.created_at, deleted_at = null, updated_at = excluded.updated_at
                        where (d.user_principal_name, d.display_name, d.mail, d.account_enabled, d.department,
                               d.job_title, d.usage_location, d.created_at, d.deleted_at)
                           is distinct from (excluded.user_principal_name, excluded.display_name, excluded.mail,
                               excluded.account_enabled, excluded.department, excluded.job_title,
                               excluded.usage_location, excluded.created_at, null)
                        returning (xmax = 0) as inserted)
                    select count(*) filter (where inserted), count(*) filter (where not inserted) from up""")) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    created = rs.getInt(1);
                    updated = rs.getInt(2);
                }
            }
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("""
                    update directory_user d set deleted_at = ?, updated_at = ?
                    where d.deleted_at is null and not exists (select 1 from staged_user s where s.id = d.id)""")) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                deleted = ps.executeUpdate();
            }
            recordSeatChanges(c, runId, now);
            int removedAssignments;
            try (PreparedStatement ps = c.prepareStatement("""
                    delete from license_assignment la where not exists (
                        select 1 from staged_license_assignment s
                        where s.user_id = la.user_id and s.sku_id = la.sku_id
                          and s.assigned_by_group_id is not distinct from la.assigned_by_group_id
                          and s.state is not distinct from la.state and s.error is not distinct from la.error
                          and s.disabled_plan_ids = la.disabled_plan_ids
                          and s.last_updated_at is not distinct from la.last_updated_at)""")) {
                removedAssignments = ps.executeUpdate();
            }
            int addedAssignments;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into license_assignment (user_id, sku_id, assigned_by_group_id, state, error,
                        disabled_plan_ids, last_updated_at)
                    select distinct on (s.user_id, s.sku_id, s.assigned_by_group_id)
                           s.user_id, s.sku_id, s.assigned_by_group_id, s.state, s.error, s.disabled_plan_ids,
                           s.last_updated_at
                    from staged_license_assignment s
                    where exists (select 1 from staged_user u where u.id = s.user_id)
                      and not exists (select 1 from license_assignment la where la.user_id = s.user_id
                          and la.sku_id = s.sku_id
                          and la.assigned_by_group_id is not distinct from s.assigned_by_group_id)""")) {
                addedAssignments = ps.executeUpdate();
            }
            return new Outcome(read, created, updated, deleted, String.format(
                    "%d users listed; license assignments +%d -%d", read, addedAssignments, removedAssignments));
        });
    }

    /**
     * Seat history (seat_event): assignments (by user, SKU and granting group) that appeared since the last sync, and
     * those that went. On the first successful users sync of an install, what is there is FIRST_SEEN: its start is
     * unknown. Runs before the assignments are replaced, in the same transaction.
     */
    private static void recordSeatChanges(Connection c, long runId, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with first_sync as (
                    select not exists (select 1 from sync_run_part where part = 'USERS' and status = 'SUCCEEDED') as yes)
                insert into seat_event (occurred_at, user_id, sku_id, assigned_by_group_id, kind, source, sync_run_id)
                select ?, s.user_id, s.sku_id, s.assigned_by_group_id,
                       case when (select yes from first_sync) then 'FIRST_SEEN' else 'ASSIGNED' end, 'SYNC', ?
                from (select distinct user_id, sku_id, assigned_by_group_id from staged_license_assignment) s
                where exists (select 1 from staged_user u where u.id = s.user_id)
                  and not exists (select 1 from license_assignment la where la.user_id = s.user_id
                      and la.sku_id = s.sku_id and la.assigned_by_group_id is not distinct from s.assigned_by_group_id)
                union all
                select ?, la.user_id, la.sku_id, la.assigned_by_group_id, 'REMOVED', 'SYNC', ?
                from (select distinct user_id, sku_id, assigned_by_group_id from license_assignment) la
                where not exists (select 1 from staged_license_assignment s
                    where s.user_id = la.user_id and s.sku_id = la.sku_id
                      and s.assigned_by_group_id is not distinct from la.assigned_by_group_id
                      and exists (select 1 from staged_user u where u.id = s.user_id))""")) {
            ps.setObject(1, now);
            ps.setLong(2, runId);
            ps.setObject(3, now);
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }
}
