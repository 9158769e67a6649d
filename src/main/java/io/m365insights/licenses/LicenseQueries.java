package io.m365insights.licenses;

import io.agroal.api.AgroalDataSource;
import io.m365insights.usage.Inactivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
    @Inject
    AgroalDataSource dataSource;

    /** SKUs Graph lists now, by part number. */
    public List<SkuEntity> currentSkus() {
        return SkuEntity.<SkuEntity>find("removedAt is null order by skuPartNumber").list();
    }

    public Optional<SkuEntity> sku(UUID skuId) {
        return SkuEntity.findByIdOptional(skuId);
    }

    /** Many SKUs by id in one statement, removed ones included. */
    public List<SkuEntity> skus(Collection<UUID> skuIds) {
        return skuIds.isEmpty() ? List.of() : SkuEntity.<SkuEntity>find("skuId in ?1", skuIds).list();
    }

    /** Service plans of many SKUs in one statement, keyed by SKU. */
    public Map<UUID, List<ServicePlanEntity>> servicePlans(Collection<UUID> skuIds) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        return ServicePlanEntity.<ServicePlanEntity>find("key.skuId in ?1 order by servicePlanName", skuIds).list()
                .stream().collect(Collectors.groupingBy(p -> p.key.skuId(), LinkedHashMap::new, Collectors.toList()));
    }

    /** Per SKU, holders (not deleted, assignment not failed) with no activity after {@code lastActiveOnOrBefore}. */
    public Map<UUID, Integer> inactiveCounts(Collection<UUID> skuIds, java.time.LocalDate lastActiveOnOrBefore) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = LicenseAssignmentEntity.getEntityManager().createQuery(
                        "select la.skuId, count(distinct la.userId) from LicenseAssignmentEntity la, UserEntity u"
                                + " where u.id = la.userId and u.deletedAt is null and la.skuId in :skus"
                                + " and " + EffectiveAssignment.condition("la.state")
                                + " and " + Inactivity.noActivityAfter("la.userId", "cutoff") + " group by la.skuId",
                        Object[].class)
                .setParameter("skus", skuIds).setParameter("cutoff", lastActiveOnOrBefore).getResultList();
        Map<UUID, Integer> counts = new java.util.HashMap<>();
        rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).intValue()));
        return counts;
    }

    /**
     * License assignments (with their SKU) of many users in one statement, keyed by user: plain JDBC into records (a
     * page's ~200 assignments through Hibernate's query and result processing were a third of a users page's CPU,
     * bench/RESULTS.md), the users as one array parameter (one statement text whatever the page size).
     */
    public Map<UUID, List<AssignmentRow>> assignments(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<AssignmentRow>> byUser = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select "
                + AssignmentRow.SQL_COLUMNS + " from license_assignment la left join sku s on s.sku_id = la.sku_id"
                + " where la.user_id = any (?) order by s.sku_part_number, la.assigned_by_group_id nulls first")) {
            ps.setArray(1, c.createArrayOf("uuid", userIds.toArray(UUID[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AssignmentRow a = AssignmentRow.of(rs);
                    byUser.computeIfAbsent(a.userId(), k -> new java.util.ArrayList<>()).add(a);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read license assignments: " + e.getMessage(), e);
        }
        return byUser;
    }
}
