package io.m365insights.users;

import io.m365insights.db.Page;
import io.m365insights.licenses.EffectiveAssignment;
import io.m365insights.usage.Inactivity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

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

    public Page<UserRow> page(UserCriteria criteria, UserSort sort, Optional<After> after, int limit) {
        Parameters params = new Parameters();
        List<String> where = where(criteria, params);
        String key = "u." + sort.field().property;
        if (after.isPresent()) {
            where.add("(" + key + ", u.id) " + (sort.descending() ? "<" : ">") + " (:afterKey, :afterId)");
            params.and("afterKey", after.get().key()).and("afterId", after.get().id());
        }
        String dir = sort.descending() ? " desc" : "";
        String hql = UserRow.SELECT + clause(where) + " order by " + key + dir + ", u.id" + dir;
        // limit + 1 rows tell whether there is a next page
        return Page.of(rows(hql, params, limit + 1), limit);
    }

    public long count(UserCriteria criteria) {
        Parameters params = new Parameters();
        return UserEntity.count("from UserEntity u" + clause(where(criteria, params)), params);
    }

    public Optional<UserRow> byId(UUID id) {
        return rows(UserRow.SELECT + " where u.id = :id", Parameters.with("id", id), 1).stream().findFirst();
    }

    /** Many users (deleted ones too) in one statement, keyed by id; an unknown id is absent. */
    public Map<UUID, UserRow> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return rows(UserRow.SELECT + " where u.id in :ids", Parameters.with("ids", ids), Integer.MAX_VALUE).stream()
                .collect(Collectors.toMap(UserRow::id, u -> u));
    }

    public Optional<UserRow> byUserPrincipalName(String upn) {
        return rows(UserRow.SELECT + " where u.sortUpn = :upn order by u.deletedAt nulls first",
                Parameters.with("upn", upn.toLowerCase()), 1).stream().findFirst();
    }

    /**
     * Users read as tuples, not entities: nothing enters the persistence context (no snapshot, no dirty check at
     * flush), which was most of a page's Hibernate time. The HQL, and so the SQL, is the entity query's but for the
     * select list.
     */
    private static List<UserRow> rows(String hql, Parameters params, int maxRows) {
        TypedQuery<Object[]> query = UserEntity.getEntityManager().createQuery(hql, Object[].class);
        params.map().forEach(query::setParameter);
        if (maxRows != Integer.MAX_VALUE) {
            query.setMaxResults(maxRows);
        }
        return query.getResultList().stream().map(UserRow::of).toList();
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
