package io.m365insights.users;

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

    /** The columns of a row in HQL, in the order of {@link #of(Object[])}; {@code u} is the {@code UserEntity}. */
    static final String SELECT = "select u.id, u.userPrincipalName, u.displayName, u.mail, u.accountEnabled, "
            + "u.department, u.jobTitle, u.usageLocation, u.createdAt, u.deletedAt, u.firstSeenAt, u.sortName, "
            + "u.sortUpn, u.sortCreated from UserEntity u";

    /** The row from a tuple of {@link #SELECT} (plain casts and a constructor call: nothing to register for native). */
    static UserRow of(Object[] t) {
        return new UserRow((UUID) t[0], (String) t[1], (String) t[2], (String) t[3], (Boolean) t[4], (String) t[5],
                (String) t[6], (String) t[7], (OffsetDateTime) t[8], (OffsetDateTime) t[9], (OffsetDateTime) t[10],
                (String) t[11], (String) t[12], (OffsetDateTime) t[13]);
    }
}
