package io.m365insights.licenses;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads SKUs, their service plans and license assignments, batched: one statement per call. */
@ApplicationScoped
public class LicenseQueries {

    /** An assignment with its SKU (null when Graph never listed that SKU). */
    public record AssignmentWithSku(LicenseAssignmentEntity assignment, SkuEntity sku) {
    }

    /** SKUs Graph lists now, by part number. */
    public List<SkuEntity> currentSkus() {
        return SkuEntity.<SkuEntity>find("removedAt is null order by skuPartNumber").list();
    }

    public Optional<SkuEntity> sku(UUID skuId) {
        return SkuEntity.findByIdOptional(skuId);
    }

    /** Service plans of many SKUs in one statement, keyed by SKU. */
    public Map<UUID, List<ServicePlanEntity>> servicePlans(Collection<UUID> skuIds) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        return ServicePlanEntity.<ServicePlanEntity>find("key.skuId in ?1 order by servicePlanName", skuIds).list()
                .stream().collect(Collectors.groupingBy(p -> p.key.skuId(), LinkedHashMap::new, Collectors.toList()));
    }

    /** License assignments (with their SKU) of many users in one statement, keyed by user. */
    public Map<UUID, List<AssignmentWithSku>> assignments(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = LicenseAssignmentEntity.getEntityManager().createQuery("""
                        select la, s from LicenseAssignmentEntity la left join SkuEntity s on s.skuId = la.skuId
                        where la.userId in :ids order by s.skuPartNumber, la.assignedByGroupId nulls first""",
                Object[].class).setParameter("ids", userIds).getResultList();
        Map<UUID, List<AssignmentWithSku>> byUser = new LinkedHashMap<>();
        for (Object[] row : rows) {
            LicenseAssignmentEntity a = (LicenseAssignmentEntity) row[0];
            byUser.computeIfAbsent(a.userId, k -> new java.util.ArrayList<>())
                    .add(new AssignmentWithSku(a, (SkuEntity) row[1]));
        }
        return byUser;
    }
}
