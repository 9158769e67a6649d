package io.m365insights.users;

import io.m365insights.db.Page;
import io.m365insights.licenses.EffectiveAssignment;
import io.m365insights.usage.Inactivity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lists users with filters and keyset pagination: a page is one SQL statement whatever its position, and a page
 * boundary stays correct while users are added or removed (no offsets).
 */
@ApplicationScoped
public class UserQueries {

    /** Where the previous page ended: its last user's sort key and id. */
    public record After(Object key, UUID id) {
    }

    public Page<UserEntity> page(UserCriteria criteria, UserSort sort, Optional<After> after, int limit) {
        Parameters params = new Parameters();
        List<String> where = where(criteria, params);
        String key = "u." + sort.field().property;
        if (after.isPresent()) {
            where.add("(" + key + ", u.id) " + (sort.descending() ? "<" : ">") + " (:afterKey, :afterId)");
            params.and("afterKey", after.get().key()).and("afterId", after.get().id());
        }
        String dir = sort.descending() ? " desc" : "";
        String hql = "from UserEntity u" + clause(where) + " order by " + key + dir + ", u.id" + dir;
        // range is inclusive: limit + 1 rows tell whether there is a next page
        return Page.of(UserEntity.<UserEntity>find(hql, params).range(0, limit).list(), limit);
    }

    public long count(UserCriteria criteria) {
        Parameters params = new Parameters();
        return UserEntity.count("from UserEntity u" + clause(where(criteria, params)), params);
    }

    public Optional<UserEntity> byId(UUID id) {
        return UserEntity.findByIdOptional(id);
    }

    /** Many users (deleted ones too) in one statement, keyed by id; an unknown id is absent. */
    public Map<UUID, UserEntity> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return UserEntity.<UserEntity>list("id in ?1", ids).stream().collect(Collectors.toMap(u -> u.id, u -> u));
    }

    public Optional<UserEntity> byUserPrincipalName(String upn) {
        return UserEntity.<UserEntity>find("sortUpn = ?1 order by deletedAt nulls first", upn.toLowerCase())
                .firstResultOptional();
    }

    private static List<String> where(UserCriteria c, Parameters params) {
        List<String> where = new ArrayList<>();
        if (!c.includeDeleted()) {
            where.add("u.deletedAt is null");
        }
        if (c.accountEnabled() != null) {
            where.add("u.accountEnabled = :enabled");
            params.and("enabled", c.accountEnabled());
        }
        String holds = "exists (select 1 from LicenseAssignmentEntity la where la.userId = u.id"
                + " and " + EffectiveAssignment.condition("la.state");
        if (c.licensed() != null) {
            where.add((c.licensed() ? "" : "not ") + holds + ")");
        }
        if (c.skuId() != null) {
            where.add(holds + " and la.skuId = :sku)");
            params.and("sku", c.skuId());
        }
        if (c.licenseInError() != null) {
            // the same rule as GroupQueries.IN_ERROR_SQL: an error, or state Error / ActiveWithError
            where.add((c.licenseInError() ? "" : "not ") + "exists (select 1 from LicenseAssignmentEntity le "
                    + "where le.userId = u.id and (le.error is not null or le.state in ('Error', 'ActiveWithError')))");
        }
        if (c.department() != null) {
            where.add("lower(u.department) = :department");
            params.and("department", c.department().toLowerCase());
        }
        if (c.lastActiveOnOrBefore() != null) {
            where.add(Inactivity.noActivityAfter("u.id", "lastActive"));
            params.and("lastActive", c.lastActiveOnOrBefore());
        }
        if (c.search() != null && !c.search().isBlank()) {
            // the same expression as the trigram index directory_user_search
            where.add("(u.sortName || ' ' || u.sortUpn || ' ' || lower(coalesce(u.mail, ''))) like :search escape '\\'");
            params.and("search", "%" + escapeLike(c.search().trim().toLowerCase()) + "%");
        }
        return where;
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
