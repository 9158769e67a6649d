package io.m365insights.api;

import io.m365insights.api.model.OffboardingExemption;
import io.m365insights.api.model.OffboardingExemptionKind;
import io.m365insights.api.model.OffboardingMode;
import io.m365insights.api.model.OffboardingPlan;
import io.m365insights.api.model.OffboardingPlanItem;
import io.m365insights.api.model.OffboardingPlanItemConnection;
import io.m365insights.api.model.OffboardingPlanItemEdge;
import io.m365insights.api.model.OffboardingPolicySettings;
import io.m365insights.automation.Exemption;
import io.m365insights.automation.OffboardingAction;
import io.m365insights.automation.OffboardingItemStatus;
import io.m365insights.db.Page;
import io.m365insights.automation.OffboardingPolicy;
import io.m365insights.automation.PlanHeader;
import io.m365insights.automation.PlanItemRow;

import java.time.LocalDate;
import io.m365insights.api.model.OffboardingGroupMode;
import io.m365insights.api.model.OffboardingGroupRemoval;
import io.m365insights.automation.OffboardingPlanStore;

import java.util.List;
import java.util.Map;

/** Maps the offboarding policy and its stored plan to the API. */
final class OffboardingMapper {
    static final String CURSOR = "o1";

    private OffboardingMapper() {
    }

    static OffboardingPolicySettings policy(OffboardingPolicy p, LocalDate today) {
        List<OffboardingExemption> exemptions = p.exemptions().stream().map(e -> exemption(e, today)).toList();
        return new OffboardingPolicySettings(OffboardingMode.valueOf(p.mode().name()), p.graceDays(),
                p.maxRemovalsPerRun(), exemptions, OffboardingGroupMode.valueOf(p.groupMode().name()),
                p.groupRemovalMaxSyncs());
    }

    private static OffboardingExemption exemption(Exemption e, LocalDate today) {
        return new OffboardingExemption(OffboardingExemptionKind.valueOf(e.kind().name()), e.target(), e.until(), e.reason(), e.activeOn(today));
    }

    static OffboardingPlan plan(PlanHeader h, Map<OffboardingAction, Integer> actions,
                                Map<OffboardingItemStatus, Integer> statuses) {
        return new OffboardingPlan(h.id(), OffboardingMode.valueOf(h.mode().name()), h.graceDays(), h.plannedAt(),
                h.syncRunId() == null ? null : h.syncRunId().toString(), h.heldReason(), h.skippedReason(),
                h.skippedAt(), actions.get(OffboardingAction.REMOVE), actions.get(OffboardingAction.NEEDS_GROUP_CHANGE),
                actions.get(OffboardingAction.EXEMPT), actions.get(OffboardingAction.WAITING),
                statuses.get(OffboardingItemStatus.DONE), statuses.get(OffboardingItemStatus.FAILED),
                statuses.get(OffboardingItemStatus.PENDING_CONFIRMATION),
                statuses.get(OffboardingItemStatus.NOT_CONVERGED));
    }

    public static OffboardingGroupRemoval groupRemoval(OffboardingPlanStore.GroupRemoval r) {
        return new OffboardingGroupRemoval(r.userId().toString(), r.groupId().toString(), r.status(), r.requestedAt(),
                String.valueOf(r.requestedSyncRunId()), r.syncsChecked(), r.settledAt(), String.valueOf(r.auditEventId()));
    }

    static OffboardingPlanItemConnection items(long planId, List<OffboardingAction> actions, Page<PlanItemRow> page,
                                               boolean hasPrevious) {
        var built = Connections.of(page, hasPrevious, i -> PositionCursor.encode(CURSOR, planId, i.position()),
                OffboardingMapper::item, OffboardingPlanItemEdge::new);
        return new OffboardingPlanItemConnection(built.edges(), built.pageInfo(), planId, actions);
    }

    private static OffboardingPlanItem item(PlanItemRow r) {
        return new OffboardingPlanItem(r.userId().toString(), r.userPrincipalName(), r.displayName(),
                r.disabledSince(), r.skuId().toString(), r.skuPartNumber(),
                r.assignedByGroupId() == null ? null : r.assignedByGroupId().toString(), r.action(), r.reason(),
                r.status(), r.errorCode(), r.errorMessage(), r.executedAt(),
                r.auditEventId() == null ? null : r.auditEventId().toString());
    }
}
