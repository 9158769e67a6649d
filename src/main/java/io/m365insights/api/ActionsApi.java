package io.m365insights.api;

import io.m365insights.actions.GroupActions;
import io.m365insights.actions.LicenseActions;
import io.m365insights.api.model.RemoveGroupMemberInput;
import io.m365insights.api.model.RemoveGroupMemberPayload;
import io.m365insights.api.model.ReprocessLicensesInput;
import io.m365insights.api.model.ReprocessLicensesPayload;
import io.m365insights.groups.GroupQueries;
import io.m365insights.actions.LicenseChange;
import io.m365insights.actions.NewUser;
import io.m365insights.actions.PriceActions;
import io.m365insights.licenses.PriceBook;
import io.m365insights.api.model.SetLicensePriceInput;
import io.m365insights.api.model.SetLicensePricePayload;
import io.m365insights.actions.UserActions;
import io.m365insights.actions.UserCreation;
import io.m365insights.api.access.AccessCheck;
import io.m365insights.api.access.AdminAccess;
import io.m365insights.api.model.AssignLicenseInput;
import io.m365insights.api.model.AssignLicensePayload;
import io.m365insights.api.model.CreateUserInput;
import io.m365insights.api.model.CreateUserPayload;
import io.m365insights.api.model.License;
import io.m365insights.api.model.UnassignLicenseInput;
import io.m365insights.api.model.UnassignLicensePayload;
import io.m365insights.api.model.User;
import io.m365insights.audit.Actor;
import io.m365insights.audit.AuditContext;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.reporting.ReportingDecisions;
import io.m365insights.users.UserQueries;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
import java.util.UUID;

/** The mutations that act on the tenant. Admins only; every call is audited with the caller's identity. */
@GraphQLApi
@AdminAccess
public class ActionsApi {
    @Inject
    LicenseActions licenses;

    @Inject
    UserActions users;

    @Inject
    AccessCheck access;

    @Inject
    PriceActions priceActions;

    @Inject
    ReportingDecisions reportingDecisions;

    @Inject
    UserQueries userQueries;

    @Inject
    LicenseQueries licenseQueries;

    @Inject
    GroupActions groupActions;

    @Inject
    GroupQueries groupQueries;

    @Mutation("removeGroupMember")
    @Description("Removes a user from a licensing group (Microsoft Graph DELETE /groups/{id}/members/{userId}/$ref); "
            + "the licenses the group grants go asynchronously (a later sync shows them gone). Dynamic, "
            + "on-premises-synced and mail-enabled groups are refused with a userError saying where their membership "
            + "is changed. With dryRun, says what would happen and changes nothing.")
    public @NonNull RemoveGroupMemberPayload removeGroupMember(@NonNull RemoveGroupMemberInput input) {
        UUID groupId = Ids.uuid(input.groupId, "input.groupId");
        LicenseChange c = groupActions.removeMember(groupId, Ids.uuid(input.userId, "input.userId"),
                Boolean.TRUE.equals(input.dryRun), context());
        return new RemoveGroupMemberPayload(user(c.userId()), groupQueries.byIds(List.of(groupId)).values().stream()
                .findFirst().map(LicenseGroupsApi::group).orElse(null), c.dryRun(), c.changed(), c.summary(),
                String.valueOf(c.auditEventId()), ActionsMapper.errors(c.error()));
    }

    @Mutation("reprocessLicenses")
    @Description("Asks Microsoft 365 to re-evaluate a user's group-based licenses (Microsoft Graph POST "
            + "/users/{id}/reprocessLicenseAssignment), e.g. after seats were freed for members in error. Audited.")
    public @NonNull ReprocessLicensesPayload reprocessLicenses(@NonNull ReprocessLicensesInput input) {
        LicenseChange c = groupActions.reprocess(Ids.uuid(input.userId, "input.userId"), context());
        return new ReprocessLicensesPayload(user(c.userId()), c.changed(), c.summary(),
                String.valueOf(c.auditEventId()), ActionsMapper.errors(c.error()));
    }

    @Mutation("unassignLicense")
    @Description("Removes a license assigned directly to a user (Microsoft Graph assignLicense with removeLicenses). "
            + "A license inherited from a group cannot be removed this way (a userError names the group). The account "
            + "stays as it is (enabled or not). With dryRun, says what would happen and changes nothing.")
    public @NonNull UnassignLicensePayload unassignLicense(@NonNull UnassignLicenseInput input) {
        LicenseChange c = licenses.unassign(Ids.uuid(input.userId, "input.userId"), Ids.uuid(input.skuId, "input.skuId"),
                Boolean.TRUE.equals(input.dryRun), context());
        return ActionsMapper.unassigned(c, user(c.userId()), license(c.skuId()));
    }

    @Mutation("assignLicense")
    @Description("Assigns a license to a user directly. The user needs a usage location (give usageLocation to set "
            + "it first) and the license a free seat. Repeating it is safe (it sets the disabled plans again).")
    public @NonNull AssignLicensePayload assignLicense(@NonNull AssignLicenseInput input) {
        List<UUID> plans = input.disabledPlanIds == null ? List.of() : input.disabledPlanIds.stream()
                .map(p -> Ids.uuid(p, "input.disabledPlanIds")).toList();
        LicenseChange c = licenses.assign(Ids.uuid(input.userId, "input.userId"), Ids.uuid(input.skuId, "input.skuId"),
                plans, input.usageLocation, context());
        return ActionsMapper.assigned(c, user(c.userId()), license(c.skuId()));
    }

    @Mutation("createUser")
    @Description("Creates a user (onboarding): email becomes the user principal name. Without a password a strong "
            + "temporary one is generated and returned once; the user must change it at first sign-in. With "
            + "licenseSkuIds (and usageLocation), each license is then assigned and reported on its own. A second "
            + "call with the same email is a userError, not a second user.")
    public @NonNull CreateUserPayload createUser(@NonNull CreateUserInput input) {
        List<UUID> skus = input.licenseSkuIds == null ? List.of() : input.licenseSkuIds.stream()
                .map(s -> Ids.uuid(s, "input.licenseSkuIds")).toList();
        UserCreation c = users.create(new NewUser(input.displayName, input.email, input.usageLocation,
                input.department, input.jobTitle, !Boolean.FALSE.equals(input.accountEnabled), input.password, skus),
                context());
        return ActionsMapper.created(c, c.userId() == null ? null : user(c.userId()), this::license);
    }

    @Mutation("setLicensePrice")
    @Description("Sets the price of one seat of a license from a day on (effectiveFrom, default today): monthly or "
            + "annual, in one currency. Days before keep the price they had, so past costs do not change. Audited.")
    public @NonNull SetLicensePricePayload setLicensePrice(@NonNull SetLicensePriceInput input) {
        UUID skuId = Ids.uuid(input.skuId, "input.skuId");
        PriceActions.PriceChange c = priceActions.set(skuId, input.amount, input.currency,
                input.period == null ? null : PriceBook.Period.valueOf(input.period.name()), input.effectiveFrom, context());
        if (c.error() == null) {
            // committed: the reporting views' savings follow the new price (a failure there keeps the last figures)
            reportingDecisions.refresh("price of " + skuId + " set", null);
        }
        return new SetLicensePricePayload(c.error() == null ? license(skuId) : null, String.valueOf(c.auditEventId()),
                c.error() == null ? List.of() : List.of(ActionsMapper.userError(c.error())));
    }

    private AuditContext context() {
        return AuditContext.of(Actor.caller(access.caller()));
    }

    private User user(UUID id) {
        return userQueries.byId(id).map(ApiMapper::user).orElse(null);
    }

    private License license(UUID skuId) {
        return licenseQueries.sku(skuId).map(ApiMapper::license).orElse(null);
    }
}
