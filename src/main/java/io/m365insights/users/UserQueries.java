package io.m365insights.users;

import io.m365insights.db.Page;
import io.m365insights.licenses.EffectiveAssignment;
import io.m365insights.usage.Inactivity;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
    @Inject
    AgroalDataSource dataSource;

    /** Where the previous page ended: its last user's sort key and id. */
    public record After(Object key, UUID id) {
    }

    public Page<UserRow> page(UserCriteria criteria, UserSort sort, Optional<After> after, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> where = where(criteria, params);
        String key = "u." + sort.field().column;
        if (after.isPresent()) {
            where.add("(" + key + ", u.id) " + (sort.descending() ? "<" : ">") + " (?, ?)");
            params.add(after.get().key());
            params.add(after.get().id());
        }
        String dir = sort.descending() ? " desc" : "";
        // limit + 1 rows tell whether there is a next page
        params.add(limit + 1);
        return Page.of(rows(UserRow.SQL_SELECT + clause(where) + " order by " + key + dir + ", u.id" + dir + " limit ?",
                params), limit);
    }

    public long count(UserCriteria criteria) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from directory_user u" + clause(where(criteria, params));
        return query(sql, params, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    public Optional<UserRow> byId(UUID id) {
        return rows(UserRow.SQL_SELECT + " where u.id = ?", List.of(id)).stream().findFirst();
    }

    /** Many users (deleted ones too) in one statement, keyed by id; an unknown id is absent. */
    public Map<UUID, UserRow> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return rows(UserRow.SQL_SELECT + " where u.id = any (?)", List.of((Object) ids.toArray(UUID[]::new))).stream()
                .collect(Collectors.toMap(UserRow::id, u -> u));
    }

    public Optional<UserRow> byUserPrincipalName(String upn) {
        return rows(UserRow.SQL_SELECT + " where u.sort_upn = ? order by u.deleted_at nulls first limit 1",
                List.of(upn.toLowerCase())).stream().findFirst();
    }

    /**
     * Users read with plain JDBC into records, the way {@code LicenseQueries.assignments} reads a page's assignments:
     * nothing enters a persistence context and no query is translated per call (Hibernate's HQL translation and result
     * processing were most of a page's user-reading time, bench/RESULTS.md). Nothing here writes, so there is nothing
     * Hibernate would have to flush first.
     */
    private List<UserRow> rows(String sql, List<Object> params) {
        return query(sql, params, rs -> {
            List<UserRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(UserRow.of(rs));
            }
            return rows;
        });
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, List<Object> params, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof UUID[] ids) {
                    ps.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read users: " + e.getMessage(), e);
        }
    }

    private static List<String> where(UserCriteria c, List<Object> params) {
        List<String> where = new ArrayList<>();
        if (!c.includeDeleted()) {
            where.add("u.deleted_at is null");
        }
        if (c.accountEnabled() != null) {
            where.add("u.account_enabled = ?");
            params.add(c.accountEnabled());
        }
        String holds = "exists (select 1 from license_assignment la where la.user_id = u.id"
                + " and " + EffectiveAssignment.condition("la.state");
        if (c.licensed() != null) {
            where.add((c.licensed() ? "" : "not ") + holds + ")");
        }
        if (c.skuId() != null) {
            where.add(holds + " and la.sku_id = ?)");
            params.add(c.skuId());
        }
        if (c.licenseInError() != null) {
            // the same rule as GroupQueries.IN_ERROR_SQL: an error, or state Error / ActiveWithError
            where.add((c.licenseInError() ? "" : "not ") + "exists (select 1 from license_assignment le "
                    + "where le.user_id = u.id and (le.error is not null or le.state in ('Error', 'ActiveWithError')))");
        }
        if (c.department() != null) {
            where.add("lower(u.department) = ?");
            params.add(c.department().toLowerCase());
        }
        if (c.lastActiveOnOrBefore() != null) {
            where.add(Inactivity.noActivityAfterSql("u.id"));
            params.add(c.lastActiveOnOrBefore());
        }
        if (c.search() != null && !c.search().isBlank()) {
            // the same expression as the trigram index directory_user_search
            where.add("(u.sort_name || ' ' || u.sort_upn || ' ' || lower(coalesce(u.mail, ''))) like ? escape '\\'");
            params.add("%" + escapeLike(c.search().trim().toLowerCase()) + "%");
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
