package io.m365insights.users;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which users to list; null fields do not filter. {@code licenseInError}: true = users holding at least one
 * assignment in error (direct or inherited from a group), false = users holding none.
 */
public record UserCriteria(Boolean accountEnabled, Boolean licensed, UUID skuId, String department, String search,
                           boolean includeDeleted, LocalDate lastActiveOnOrBefore, Boolean licenseInError) {

    public UserCriteria(Boolean accountEnabled, Boolean licensed, UUID skuId, String department, String search,
                        boolean includeDeleted, LocalDate lastActiveOnOrBefore) {
        this(accountEnabled, licensed, skuId, department, search, includeDeleted, lastActiveOnOrBefore, null);
    }

    public static UserCriteria all() {
        return new UserCriteria(null, null, null, null, null, false, null, null);
    }

    public UserCriteria withSku(UUID sku) {
        return new UserCriteria(accountEnabled, licensed, sku, department, search, includeDeleted, lastActiveOnOrBefore,
                licenseInError);
    }

    /** Only users with no activity after {@code day} (never-active users included). */
    public UserCriteria inactiveAfter(LocalDate day) {
        return new UserCriteria(accountEnabled, licensed, skuId, department, search, includeDeleted, day, licenseInError);
    }
}
