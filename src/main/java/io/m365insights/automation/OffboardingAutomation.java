package io.m365insights.automation;

import io.m365insights.actions.ActionError;
import io.m365insights.actions.ActionErrorCode;
import io.m365insights.actions.GroupActions;
import io.m365insights.actions.LicenseActions;
import io.m365insights.config.M365Config.Offboarding.GroupMode;
import io.m365insights.actions.LicenseChange;
import io.m365insights.audit.Actor;
import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditEntry;
import io.m365insights.audit.AuditLog;
import io.m365insights.config.M365Config.Offboarding.Mode;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncRunFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the offboarding policy after every sync run. The event comes while the run still holds the cross-replica sync
 * lock, so this runs once per sync across all replicas. It plans only when the run's users part succeeded (otherwise
 * the previous plan stays, marked with why); in enforce mode it then removes each planned license through
 * {@link LicenseActions#unassign}, the code behind the unassignLicense mutation, auditing every step. With groupMode
 * remove-membership it also removes disabled users from the changeable groups they inherit licenses from, through
 * {@link GroupActions#removeMember} (the removeGroupMember mutation's code); such a removal stays
 * PENDING_CONFIRMATION until a later sync no longer sees the inherited license (CONFIRMED), or NOT_CONVERGED after
 * m365.offboarding.group-removal-max-syncs syncs.
 */
@ApplicationScoped
public class OffboardingAutomation {
    private static final Logger LOG = Logger.getLogger(OffboardingAutomation.class);

    @Inject
    OffboardingPolicy policy;

    @Inject
    OffboardingPlanStore store;

    @Inject
    LicenseActions licenses;

    @Inject
    GroupActions groups;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    void afterSync(@Observes SyncRunFinished run) {
        Mode mode = policy.mode();
        if (mode == Mode.OFF) {
            store.save(run.runId(), mode, policy.graceDays(), null, List.of(), item -> OffboardingItemStatus.NOT_APPLICABLE);
            return;
        }
        if (!run.succeeded(SyncPartName.USERS)) {
            SyncRunFinished.Part users = run.parts().get(SyncPartName.USERS);
            String reason = "Not re-planned after sync run " + run.runId() + ": its users part "
                    + (users == null ? "did not run" : "failed (" + users.detail() + ")")
                    + "; this is the plan made after an earlier run";
            store.skipped(run.runId(), mode, policy.graceDays(), reason);
            LOG.warnf("Offboarding: %s", reason);
            return;
        }
        AuditContext ctx = AuditContext.afterSync(Actor.OFFBOARDING_POLICY, run.runId());
        boolean removeMembership = policy.groupMode() == GroupMode.REMOVE_MEMBERSHIP;
        if (mode == Mode.ENFORCE) {
            confirmGroupRemovals(run.runId(), ctx);
        }
        Map<String, OffboardingPlanStore.GroupRemoval> tracked = store.groupRemovals();
        List<PlanItem> items = OffboardingPlanner.plan(store.candidates(), policy.exemptions(), policy.graceDays(),
                clock.instant(), removeMembership);
        long removals = items.stream().filter(i -> i.action() == OffboardingAction.REMOVE).count();
        long groupRemovals = items.stream().filter(i -> groupRemovalDue(i, removeMembership, tracked))
                .map(i -> key(i.assignment())).distinct().count();
        String held = mode == Mode.ENFORCE && removals + groupRemovals > policy.maxRemovalsPerRun()
                ? (removals + groupRemovals) + " removals planned (" + removals + " direct license assignment(s), "
                + groupRemovals + " group membership(s)), more than m365.offboarding.max-removals-per-run ("
                + policy.maxRemovalsPerRun() + "): nothing was removed; review the plan, then raise the limit "
                + "or add exemptions"
                : null;
        OffboardingItemStatus removalStatus = held != null ? OffboardingItemStatus.HELD : OffboardingItemStatus.PLANNED;
        long planId = store.save(run.runId(), mode, policy.graceDays(), held, items, item -> {
            if (item.action() == OffboardingAction.REMOVE || groupRemovalDue(item, removeMembership, tracked)) {
                return removalStatus;
            }
            OffboardingPlanStore.GroupRemoval r = trackedFor(item, tracked);
            return r == null ? OffboardingItemStatus.NOT_APPLICABLE : r.status();
        });
        markTracked(planId, items, tracked);
        String summary = summary(items, mode, held, removeMembership ? groupRemovals : -1);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("mode", mode.name());
        input.put("groupMode", policy.groupMode().name());
        input.put("graceDays", policy.graceDays());
        input.put("exemptions", policy.exemptions().size());
        input.put("maxRemovalsPerRun", policy.maxRemovalsPerRun());
        input.put("planId", planId);
        audit.append((held == null ? AuditEntry.succeeded(ctx, AuditAction.PLAN_OFFBOARDING, summary)
                : AuditEntry.failed(ctx, AuditAction.PLAN_OFFBOARDING, "HELD", summary))
                .dryRun(mode != Mode.ENFORCE).withInput(input));
        if (mode == Mode.ENFORCE && held == null) {
            execute(planId, items, ctx);
            executeGroupRemovals(planId, run.runId(), items, removeMembership, tracked, ctx);
        }
        LOG.infof("Offboarding after sync run %d: %s", run.runId(), summary);
    }

    private static String key(Candidate c) {
        return c.userId() + " " + c.groupId();
    }

    /** The removal tracked for this group-inherited item, unless it was confirmed (the user was added back since). */
    private static OffboardingPlanStore.GroupRemoval trackedFor(PlanItem item,
                                                              Map<String, OffboardingPlanStore.GroupRemoval> tracked) {
        if (item.action() != OffboardingAction.NEEDS_GROUP_CHANGE) {
            return null;
        }
        OffboardingPlanStore.GroupRemoval r = tracked.get(key(item.assignment()));
        return r == null || r.status() == OffboardingItemStatus.CONFIRMED ? null : r;
    }

    /** A group change the policy makes now: remove-membership, a changeable group, no removal already under way. */
    private static boolean groupRemovalDue(PlanItem item, boolean removeMembership,
                                           Map<String, OffboardingPlanStore.GroupRemoval> tracked) {
        return removeMembership && item.action() == OffboardingAction.NEEDS_GROUP_CHANGE
                && item.assignment().groupChangeable() && trackedFor(item, tracked) == null;
    }

    /** Items whose group removal is under way carry its audit event; a non-converged one says what to check. */
    private void markTracked(long planId, List<PlanItem> items, Map<String, OffboardingPlanStore.GroupRemoval> tracked) {
        for (int i = 0; i < items.size(); i++) {
            OffboardingPlanStore.GroupRemoval r = trackedFor(items.get(i), tracked);
            if (r != null) {
                store.executed(planId, i, r.status(), r.status() == OffboardingItemStatus.NOT_CONVERGED
                        ? notConverged(items.get(i).assignment(), r) : null, r.auditEventId());
            }
        }
    }

    private static ActionError notConverged(Candidate c, OffboardingPlanStore.GroupRemoval r) {
        return ActionError.of(ActionErrorCode.GRAPH_REJECTED, "Removed " + c.userPrincipalName() + " from group "
                + c.group() + " at " + r.requestedAt() + " (sync run " + r.requestedSyncRunId() + "), but " + r.syncsChecked()
                + " sync(s) later " + c.license() + " is still inherited from it: check the group's licensing errors "
                + "and the user's memberships in the Microsoft Entra admin center, or call reprocessLicenses");
    }

    /** Settles the removals made after earlier syncs: confirmed when the inherited licenses are gone. */
    private void confirmGroupRemovals(long runId, AuditContext ctx) {
        for (OffboardingPlanStore.GroupRemoval r : store.checkPendingGroupRemovals(runId, policy.groupRemovalMaxSyncs())) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("groupId", r.groupId().toString());
            input.put("userId", r.userId().toString());
            input.put("removalAuditEventId", r.auditEventId());
            input.put("syncsChecked", r.syncsChecked());
            boolean confirmed = r.status() == OffboardingItemStatus.CONFIRMED;
            String what = "the licenses inherited from group " + r.groupId() + " after removing user " + r.userId()
                    + " from it (sync run " + r.requestedSyncRunId() + ")";
            audit.append((confirmed ? AuditEntry.succeeded(ctx, AuditAction.CONFIRM_GROUP_REMOVAL, "Confirmed: " + what
                    + " are gone, " + r.syncsChecked() + " sync(s) later")
                    : AuditEntry.failed(ctx, AuditAction.CONFIRM_GROUP_REMOVAL, "NOT_CONVERGED", "Not converged: "
                    + what + " are still there after " + r.syncsChecked() + " sync(s)"))
                    .about(r.userId(), null).withInput(input));
            if (!confirmed) {
                LOG.warnf("Offboarding: a group removal did not converge (user %s, group %s)", r.userId(), r.groupId());
            }
        }
    }

    /** Removes each due (user, group) membership once, through the removeGroupMember code. */
    private void executeGroupRemovals(long planId, long runId, List<PlanItem> items, boolean removeMembership,
                                      Map<String, OffboardingPlanStore.GroupRemoval> tracked, AuditContext ctx) {
        Map<String, LicenseChange> done = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            PlanItem item = items.get(i);
            if (!groupRemovalDue(item, removeMembership, tracked)) {
                continue;
            }
            Candidate c = item.assignment();
            LicenseChange change = done.computeIfAbsent(key(c), k -> {
                LicenseChange ch = groups.removeMember(c.groupId(), c.userId(), false, ctx);
                if (ch.error() == null) {
                    store.groupRemovalRequested(c.userId(), c.groupId(), runId, ch.auditEventId());
                } else {
                    LOG.warnf("Offboarding could not remove %s from group %s: %s", c.userPrincipalName(), c.group(),
                            ch.error().message());
                }
                return ch;
            });
            store.executed(planId, i, change.error() == null ? OffboardingItemStatus.PENDING_CONFIRMATION
                    : OffboardingItemStatus.FAILED, change.error(), change.auditEventId());
        }
    }

    private void execute(long planId, List<PlanItem> items, AuditContext ctx) {
        int done = 0;
        int failed = 0;
        for (int i = 0; i < items.size(); i++) {
            PlanItem item = items.get(i);
            if (item.action() != OffboardingAction.REMOVE) {
                continue;
            }
            LicenseChange change = licenses.unassign(item.assignment().userId(), item.assignment().skuId(), false, ctx);
            if (change.error() == null) {
                done++;
            } else {
                failed++;
                LOG.warnf("Offboarding could not remove %s from %s: %s", item.assignment().license(),
                        item.assignment().userPrincipalName(), change.error().message());
            }
            store.executed(planId, i, change.error() == null ? OffboardingItemStatus.DONE : OffboardingItemStatus.FAILED, change.error(),
                    change.auditEventId());
        }
        if (done + failed > 0) {
            LOG.infof("Offboarding removed %d license(s); %d failed", done, failed);
        }
    }

    /** {@code groupRemovals}: memberships to remove (groupMode remove-membership), or -1 in groupMode report. */
    private static String summary(List<PlanItem> items, Mode mode, String held, long groupRemovals) {
        Map<OffboardingAction, Long> counts = new LinkedHashMap<>();
        for (OffboardingAction a : OffboardingAction.values()) {
            counts.put(a, items.stream().filter(i -> i.action() == a).count());
        }
        long removals = counts.get(OffboardingAction.REMOVE);
        String lead = mode == Mode.DRY_RUN ? "Would remove " + removals + " direct license assignment(s) (dry run: "
                + "nothing changed)" : held != null ? "Held back " + removals + " removal(s)"
                : "Removing " + removals + " direct license assignment(s)";
        return lead + "; " + counts.get(OffboardingAction.NEEDS_GROUP_CHANGE) + " need a group change"
                + (groupRemovals < 0 ? "" : " (" + (mode == Mode.DRY_RUN ? "would remove " : held != null ? "held: "
                : "removing ") + groupRemovals + " group membership(s))") + "; "
                + counts.get(OffboardingAction.EXEMPT) + " exempt; " + counts.get(OffboardingAction.WAITING)
                + " waiting for the grace period"
                + (held == null ? "" : ". " + held);
    }
}
