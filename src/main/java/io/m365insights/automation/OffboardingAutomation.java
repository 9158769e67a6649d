package io.m365insights.automation;

import io.m365insights.actions.LicenseActions;
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
 * {@link LicenseActions#unassign}, the code behind the unassignLicense mutation, auditing every step.
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
        List<PlanItem> items = OffboardingPlanner.plan(store.candidates(), policy.exemptions(), policy.graceDays(),
                clock.instant());
        long removals = items.stream().filter(i -> i.action() == OffboardingAction.REMOVE).count();
        String held = mode == Mode.ENFORCE && removals > policy.maxRemovalsPerRun()
                ? removals + " removals planned, more than m365.offboarding.max-removals-per-run ("
                + policy.maxRemovalsPerRun() + "): nothing was removed; review the plan, then raise the limit "
                + "or add exemptions"
                : null;
        OffboardingItemStatus removalStatus = mode == Mode.DRY_RUN ? OffboardingItemStatus.PLANNED : held != null ? OffboardingItemStatus.HELD
                : OffboardingItemStatus.PLANNED;
        long planId = store.save(run.runId(), mode, policy.graceDays(), held, items,
                item -> item.action() == OffboardingAction.REMOVE ? removalStatus : OffboardingItemStatus.NOT_APPLICABLE);
        String summary = summary(items, mode, held);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("mode", mode.name());
        input.put("graceDays", policy.graceDays());
        input.put("exemptions", policy.exemptions().size());
        input.put("maxRemovalsPerRun", policy.maxRemovalsPerRun());
        input.put("planId", planId);
        audit.append((held == null ? AuditEntry.succeeded(ctx, AuditAction.PLAN_OFFBOARDING, summary)
                : AuditEntry.failed(ctx, AuditAction.PLAN_OFFBOARDING, "HELD", summary))
                .dryRun(mode != Mode.ENFORCE).withInput(input));
        if (mode == Mode.ENFORCE && held == null) {
            execute(planId, items, ctx);
        }
        LOG.infof("Offboarding after sync run %d: %s", run.runId(), summary);
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

    private static String summary(List<PlanItem> items, Mode mode, String held) {
        Map<OffboardingAction, Long> counts = new LinkedHashMap<>();
        for (OffboardingAction a : OffboardingAction.values()) {
            counts.put(a, items.stream().filter(i -> i.action() == a).count());
        }
        long removals = counts.get(OffboardingAction.REMOVE);
        String lead = mode == Mode.DRY_RUN ? "Would remove " + removals + " direct license assignment(s) (dry run: "
                + "nothing changed)" : held != null ? "Held back " + removals + " removal(s)"
                : "Removing " + removals + " direct license assignment(s)";
        return lead + "; " + counts.get(OffboardingAction.NEEDS_GROUP_CHANGE) + " need a group change; "
                + counts.get(OffboardingAction.EXEMPT) + " exempt; " + counts.get(OffboardingAction.WAITING)
                + " waiting for the grace period"
                + (held == null ? "" : ". " + held);
    }
}
