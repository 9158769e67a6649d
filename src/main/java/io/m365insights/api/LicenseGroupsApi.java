package io.m365insights.api;

import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.License;
import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.api.model.LicenseGroup;
import io.m365insights.api.model.LicenseGroupKind;
import io.m365insights.groups.GroupQueries;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Licensing groups: which groups grant which licenses, their members and the members whose license failed. */
@GraphQLApi
@ReaderAccess
public class LicenseGroupsApi {

    @Inject
    GroupQueries groups;

    @Inject
    LicenseQueries licenses;

    @Query("licenseGroups")
    @Description("The groups that grant licenses (group-based licensing), by display name.")
    public @NonNull List<@NonNull LicenseGroup> licenseGroups() {
        return groups.all().stream().map(LicenseGroupsApi::group).toList();
    }

    @Description("The groups granting this license, by display name.")
    public List<@NonNull List<@NonNull LicenseGroup>> groups(@Source List<License> page) {
        Map<UUID, List<GroupQueries.Group>> bySku = groups.bySku(page.stream().map(l -> UUID.fromString(l.skuId()))
                .distinct().toList());
        return page.stream().map(l -> bySku.getOrDefault(UUID.fromString(l.skuId()), List.of()).stream()
                .map(LicenseGroupsApi::group).toList()).toList();
    }

    @Description("The group granting the license; null when assigned directly, or when the group is not (or no "
            + "longer) listed as a licensing group (assignedByGroupId still says which).")
    public List<LicenseGroup> group(@Source List<LicenseAssignment> page) {
        Map<UUID, GroupQueries.Group> byId = groups.byIds(page.stream().map(LicenseAssignment::assignedByGroupId)
                .filter(Objects::nonNull).map(UUID::fromString).distinct().toList());
        return page.stream().map(a -> a.assignedByGroupId() == null ? null
                : Optional.ofNullable(byId.get(UUID.fromString(a.assignedByGroupId()))).map(LicenseGroupsApi::group)
                        .orElse(null)).toList();
    }

    @Description("The licenses this group grants to each member.")
    public List<@NonNull List<@NonNull License>> licenses(@Source List<LicenseGroup> page) {
        Map<UUID, List<UUID>> skusByGroup = groups.skus(ids(page));
        List<UUID> skuIds = skusByGroup.values().stream().flatMap(List::stream).distinct().toList();
        Map<UUID, SkuEntity> skus = licenses.skus(skuIds).stream()
                .collect(Collectors.toMap(s -> s.skuId, Function.identity()));
        return page.stream().map(g -> skusByGroup.getOrDefault(UUID.fromString(g.id()), List.of()).stream()
                .map(sku -> Optional.ofNullable(skus.get(sku)).map(ApiMapper::license)
                        .orElseGet(() -> ApiMapper.unknownLicense(sku.toString()))).toList()).toList();
    }

    @Description("Members as Microsoft Graph listed them (users; group-based licensing does not follow nested groups).")
    public List<@NonNull Integer> memberCount(@Source List<LicenseGroup> page) {
        Map<UUID, Integer> counts = groups.memberCounts(ids(page));
        return page.stream().map(g -> counts.getOrDefault(UUID.fromString(g.id()), 0)).toList();
    }

    @Description("Users whose assignment inherited from this group is in error (state Error or ActiveWithError, or an "
            + "error such as COUNT_VIOLATION: no seat was left); see LicenseAssignment.error for each one's reason.")
    public List<@NonNull Integer> membersInError(@Source List<LicenseGroup> page) {
        Map<UUID, Integer> counts = groups.membersInError(ids(page));
        return page.stream().map(g -> counts.getOrDefault(UUID.fromString(g.id()), 0)).toList();
    }

    private static List<UUID> ids(List<LicenseGroup> page) {
        return page.stream().map(g -> UUID.fromString(g.id())).distinct().toList();
    }

    static LicenseGroup group(GroupQueries.Group g) {
        LicenseGroupKind kind = LicenseGroupKind.valueOf(g.kind());
        return new LicenseGroup(g.id().toString(), g.displayName(), kind, g.dynamic(), g.onPremisesSynced(),
                g.membershipRule(), g.membershipChangeable());
    }
}
