package io.m365insights.actions;

import io.agroal.api.AgroalDataSource;
import io.m365insights.actions.DirectoryFacts.UserFacts;
import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditLog;
import io.m365insights.db.Jdbc;
import io.m365insights.groups.GroupQueries;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.msgraph.MsGraphWrite;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes licensing-group membership (CONTRACT.md §10.5) the way {@link LicenseActions} changes licenses: our data is
 * checked first (a dynamic, on-premises-synced or mail-enabled group is refused with the place its membership must be
 * changed, before Microsoft Graph is asked), then Graph, then our data and the audit log. A removed membership takes
 * the inherited licenses away asynchronously: they stay in our data until a sync no longer sees them. The offboarding
 * policy's {@code remove-membership} group mode removes memberships through this same code.
 */
@ApplicationScoped
public class GroupActions {
    @Inject
    MsGraphClient msGraph;

    @Inject
    DirectoryFacts facts;

    @Inject
    GroupQueries groups;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    /** {@code DELETE /groups/{groupId}/members/{userId}/$ref}. The outcome's {@code skuId} is null. */
    public LicenseChange removeMember(UUID groupId, UUID userId, boolean dryRun, AuditContext ctx) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("groupId", groupId.toString());
        input.put("userId", userId.toString());
        input.put("dryRun", dryRun);
        AuditedStep step = new AuditedStep(audit, ctx, AuditAction.REMOVE_GROUP_MEMBER, dryRun, userId, null, input);
        step.groups = List.of(groupId);

        GroupQueries.Group group = groups.byIds(List.of(groupId)).get(groupId);
        if (group == null) {
            return step.refused(ActionError.of(ActionErrorCode.GROUP_NOT_FOUND, "No licensing group " + groupId
                    + " (as of the last sync; only groups that grant licenses are synced, the licenseGroups query "
                    + "lists them)", "input", "groupId"));
        }
        String name = "group \"" + group.displayName() + "\" (" + groupId + ")";
        ActionError unchangeable = unchangeable(group, name);
        if (unchangeable != null) {
            return step.refused(unchangeable);
        }
        UserFacts user = facts.user(userId).filter(u -> !u.deleted()).orElse(null);
        if (user == null) {
            return step.refused(LicenseActions.userNotFound(userId));
        }
        if (!isMember(groupId, userId)) {
            return step.refused(ActionError.of(ActionErrorCode.NOT_A_GROUP_MEMBER, user.userPrincipalName()
                    + " is not a member of " + name + " (as of the last sync)", "input", "userId"));
        }
        String licenses = String.join(", ", grantedLicenses(groupId));
        String what = user.userPrincipalName() + " from " + name + "; the licenses it grants (" + licenses
                + ") go asynchronously: Microsoft 365 removes them within minutes, and a later sync confirms it";
        if (dryRun) {
            return step.succeeded("Would remove " + what + ". Dry run: nothing changed", null);
        }
        MsGraphWrite write;
        try {
            write = msGraph.removeGroupMember(groupId, userId);
        } catch (MsGraphException e) {
            return step.failed(GraphRefusals.map(e, GraphRefusals.Write.REMOVE_GROUP_MEMBER), e.requestId());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Jdbc.useConnection(dataSource, "record the removed group membership", c -> Jdbc.update(c,
                    "delete from licensing_group_member where group_id = ? and user_id = ?", groupId, userId));
            return step.succeeded("Removed " + what + (write.confirmedByReadBack() ? " (Microsoft Graph's first "
                    + "answer was lost; the retry found the membership already gone)" : ""), write.requestId());
        });
    }

    /** {@code POST /users/{id}/reprocessLicenseAssignment}: Microsoft 365 re-evaluates the user's group licenses. */
    public LicenseChange reprocess(UUID userId, AuditContext ctx) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("userId", userId.toString());
        AuditedStep step = new AuditedStep(audit, ctx, AuditAction.REPROCESS_LICENSES, false, userId, null, input);
        UserFacts user = facts.user(userId).filter(u -> !u.deleted()).orElse(null);
        if (user == null) {
            return step.refused(LicenseActions.userNotFound(userId));
        }
        MsGraphWrite write;
        try {
            write = msGraph.reprocessLicenseAssignment(userId);
        } catch (MsGraphException e) {
            return step.failed(GraphRefusals.map(e, GraphRefusals.Write.REPROCESS_LICENSES), e.requestId());
        }
        return step.succeeded("Asked Microsoft 365 to re-evaluate the group-based licenses of "
                + user.userPrincipalName() + "; the next sync shows the outcome", write.requestId());
    }

    /**
     * Why Microsoft Graph cannot change the group's membership, with where it must be changed; null when it can (the
     * rule behind {@code LicenseGroup.membershipChangeable}).
     */
    public static ActionError unchangeable(GroupQueries.Group group, String name) {
        if (group.dynamic()) {
            return ActionError.of(ActionErrorCode.GROUP_MEMBERSHIP_DYNAMIC, Messages.dynamicGroup(name,
                    group.membershipRule()), "input", "groupId");
        }
        if (group.onPremisesSynced()) {
            return ActionError.of(ActionErrorCode.GROUP_SYNCED_FROM_ON_PREMISES, Messages.onPremisesGroup(name),
                    "input", "groupId");
        }
        if (!group.membershipChangeable()) { // mail-enabled security
            return ActionError.of(ActionErrorCode.GROUP_MAIL_ENABLED, Messages.mailEnabledGroup(name),
                    "input", "groupId");
        }
        return null;
    }

    private boolean isMember(UUID groupId, UUID userId) {
        return Jdbc.withConnection(dataSource, "read the group membership", c -> Jdbc.queryOne(c,
                "select exists (select 1 from licensing_group_member where group_id = ? and user_id = ?)",
                rs -> rs.getBoolean(1), groupId, userId));
    }

    private List<String> grantedLicenses(UUID groupId) {
        return Jdbc.withConnection(dataSource, "read the group's licenses", c -> Jdbc.query(c,
                "select coalesce(s.sku_part_number, l.sku_id::text) from licensing_group_license l "
                        + "left join sku s on s.sku_id = l.sku_id where l.group_id = ? order by 1",
                rs -> rs.getString(1), groupId));
    }
}
