package io.m365insights.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A directory user as read for the API: a read-only projection of {@code directory_user} (no managed entity, so no
 * persistence-context bookkeeping per row), with the sort keys a page's cursors are made of.
 */
public record UserRow(UUID id, String userPrincipalName, String displayName, String mail, boolean accountEnabled,
                      String department, String jobTitle, String usageLocation, OffsetDateTime createdAt,
                      OffsetDateTime deletedAt, OffsetDateTime firstSeenAt, String sortName, String sortUpn,
                      OffsetDateTime sortCreated) {

    /** The columns of a row in SQL, in the order of {@link #of(ResultSet)}; {@code u} is {@code directory_user}. */
    static final String SQL_SELECT = "select u.id, u.user_principal_name, u.display_name, u.mail, u.account_enabled, "
            + "u.department, u.job_title, u.usage_location, u.created_at, u.deleted_at, u.first_seen_at, u.sort_name, "
            + "u.sort_upn, u.sort_created from directory_user u";

    /** The row at a result set's cursor, of {@link #SQL_SELECT}. */
    static UserRow of(ResultSet rs) throws SQLException {
        return new UserRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13),
                rs.getObject(14, OffsetDateTime.class));
    }
}
