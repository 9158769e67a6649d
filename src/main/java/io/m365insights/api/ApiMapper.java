package io.m365insights.api;

import io.m365insights.api.model.CapabilityStatus;
import io.m365insights.api.model.License;
import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.api.model.LicenseAssignmentError;
import io.m365insights.api.model.LicenseAssignmentState;
import io.m365insights.api.model.OrderDirection;
import io.m365insights.api.model.ServicePlan;
import io.m365insights.api.model.SyncPart;
import io.m365insights.api.model.SyncRun;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserEdge;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.config.M365Config;
import io.m365insights.licenses.AssignmentRow;
import io.m365insights.licenses.ServicePlanEntity;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.licenses.SkuRow;
import io.m365insights.sync.SyncStatusService;
import io.m365insights.users.UserCriteria;
import io.m365insights.users.UserRow;
import io.m365insights.db.Page;
import io.m365insights.users.UserSort;


/** Maps stored data to GraphQL types and GraphQL input to queries. Explicit: the API is not the tables. */
final class ApiMapper {
    private ApiMapper() {
    }

    static User user(UserRow u) {
        return new User(u.id().toString(), u.userPrincipalName(), u.displayName(), u.mail(), u.accountEnabled(),
                u.department(), u.jobTitle(), u.usageLocation(), u.createdAt(), u.deletedAt(), u.firstSeenAt());
    }

    static License license(SkuEntity s) {
        return license(SkuRow.of(s));
    }

    static License license(SkuRow s) {
        return new License(s.skuId().toString(), s.skuPartNumber(), CapabilityStatus.fromGraph(s.capabilityStatus()),
                s.appliesTo(), s.enabledUnits(), s.consumedUnits(), Math.max(0, s.enabledUnits() - s.consumedUnits()),
                Math.max(0, s.consumedUnits() - s.enabledUnits()), s.suspendedUnits(), s.warningUnits(),
                s.lockedOutUnits(), s.removedAt());
    }

    /** A license Microsoft Graph never listed (only its id is known). */
    static License unknownLicense(String skuId) {
        return new License(skuId, null, CapabilityStatus.OTHER, null, 0, 0, 0, 0, 0, 0, 0, null);
    }

    static LicenseAssignment assignment(AssignmentRow a) {
        return new LicenseAssignment(a.sku() == null ? unknownLicense(a.skuId().toString()) : license(a.sku()),
                a.assignedByGroupId() == null ? null : a.assignedByGroupId().toString(), a.assignedByGroupId() == null,
                LicenseAssignmentState.fromGraph(a.state()), LicenseAssignmentError.fromGraph(a.error()),
                a.disabledPlanIds().stream().map(Object::toString).toList(), a.lastUpdatedAt(), a.userId());
    }

    static ServicePlan servicePlan(ServicePlanEntity p) {
        return new ServicePlan(p.key.servicePlanId().toString(), p.servicePlanName, p.provisioningStatus, p.appliesTo);
    }

    static SyncRun run(SyncStatusService.RunWithParts r) {
        return new SyncRun(r.run().id.toString(), r.run().trigger, r.run().status, r.run().startedAt,
                r.run().finishedAt, r.run().error, r.run().replica, r.parts().stream()
                .map(p -> new SyncPart(p.key.part(), p.status, p.startedAt, p.finishedAt, p.itemsRead, p.created,
                        p.updated, p.deleted, p.detail)).toList());
    }

    /** The filter as criteria; {@code inactiveForDays} is applied by the caller (it needs the usage data). */
    static UserCriteria criteria(UserFilter f) {
        if (f == null) {
            return UserCriteria.all();
        }
        return new UserCriteria(f.accountEnabled, f.licensed, f.skuId == null ? null : Ids.uuid(f.skuId, "filter.skuId"),
                f.department, f.search, Boolean.TRUE.equals(f.includeDeleted), null, f.licenseInError);
    }

    static UserSort sort(UserOrder o) {
        if (o == null) {
            return UserSort.byName();
        }
        UserSort.Field field = o.field == null ? UserSort.Field.DISPLAY_NAME : UserSort.Field.valueOf(o.field.name());
        return new UserSort(field, o.direction == OrderDirection.DESC);
    }

    static int pageSize(Integer first, M365Config.Api api) {
        int size = first == null ? api.defaultPageSize() : first;
        if (size < 0 || size > api.maxPageSize()) {
            throw new ApiInputException("first: must be between 0 and " + api.maxPageSize() + " (was " + size
                    + "); page through larger results with `after`");
        }
        return size;
    }

    static UserConnection connection(Page<UserRow> page, UserSort sort, UserCriteria criteria, boolean hasPrevious) {
        var built = Connections.of(page, hasPrevious, u -> UserCursor.encode(sort, u), ApiMapper::user, UserEdge::new);
        return new UserConnection(built.edges(), built.pageInfo(), criteria);
    }
}
