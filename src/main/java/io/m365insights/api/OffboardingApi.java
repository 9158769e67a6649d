package io.m365insights.api;

import java.time.Clock;
import java.time.LocalDate;
import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.License;
import io.m365insights.api.model.OffboardingPlan;
import io.m365insights.api.model.OffboardingPlanItem;
import io.m365insights.api.model.OffboardingPlanItemConnection;
import io.m365insights.api.model.OffboardingPolicySettings;
import io.m365insights.api.model.User;
import io.m365insights.automation.OffboardingAction;
import io.m365insights.automation.OffboardingPlanQueries;
import io.m365insights.automation.OffboardingPolicy;
import io.m365insights.config.M365Config;
import jakarta.inject.Inject;
import io.smallrye.graphql.api.Nullable;
import io.m365insights.api.model.OffboardingGroupRemoval;
import io.m365insights.automation.OffboardingPlanStore;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/**
 * The offboarding policy and its current plan. Readers may see them: the plan shows what the users query already
 * shows (disabled accounts and their licenses) plus what the policy will do; changing anything needs an admin.
 */
@GraphQLApi
@ReaderAccess
public class OffboardingApi {
    @Inject
    Clock clock;

    @Inject
    OffboardingPolicy policy;

    @Inject
    OffboardingPlanQueries plans;

    @Inject
    OffboardingPlanStore store;

    @Inject
    M365Config config;

    @Inject
    References references;

    @Query("offboardingPolicy")
    @Description("The offboarding policy as configured: mode, grace period, exemptions.")
    public @NonNull OffboardingPolicySettings offboardingPolicy() {
        return OffboardingMapper.policy(policy, LocalDate.now(clock));
    }

    @Query("offboardingPlan")
    @Description("What the offboarding policy plans (dry-run) or did (enforce) after the latest sync; null before "
            + "the first sync.")
    public OffboardingPlan offboardingPlan() {
        return plans.latest().map(h -> OffboardingMapper.plan(h, plans.countsByAction(h.id()),
                plans.countsByStatus(h.id()))).orElse(null);
    }

    @Query("offboardingGroupRemovals")
    @Description("The group memberships the offboarding policy removed (groupMode remove-membership), oldest first: "
            + "pending until a later sync confirms the inherited licenses went, or not converged after "
            + "m365.offboarding.group-removal-max-syncs syncs.")
    public @NonNull List<@NonNull OffboardingGroupRemoval> offboardingGroupRemovals() {
        return store.groupRemovalList().stream().map(OffboardingMapper::groupRemoval).toList();
    }

    @Description("The plan's items, a page at a time; `actions` keeps only those actions.")
    public @NonNull OffboardingPlanItemConnection items(@Source OffboardingPlan plan, Integer first, String after,
                                                        @Nullable List<@NonNull OffboardingAction> actions) {
        int size = ApiMapper.pageSize(first, config.api());
        Long position = PositionCursor.decode(after, OffboardingMapper.CURSOR, plan.planId(),
                "a newer plan replaced the one this cursor belongs to; start again without a cursor");
        return OffboardingMapper.items(plan.planId(), actions, plans.items(plan.planId(), actions,
                position == null ? null : Math.toIntExact(position), size), position != null);
    }

    @Description("Every item of the plan that `actions` keeps, on all pages.")
    public int totalCount(@Source OffboardingPlanItemConnection connection) {
        return plans.count(connection.planId(), connection.actions());
    }

    @Description("The account, as stored now; null only if our directory no longer holds it. userPrincipalName and "
            + "displayName are as they were when the plan was made. One statement for a whole page.")
    public List<User> user(@Source List<OffboardingPlanItem> items) {
        return references.users(items.stream().map(OffboardingPlanItem::userId).toList());
    }

    @Description("The license of the assignment, as stored now. One statement for a whole page.")
    public List<@NonNull License> license(@Source List<OffboardingPlanItem> items) {
        return references.licenses(items.stream().map(OffboardingPlanItem::skuId).toList());
    }
}
