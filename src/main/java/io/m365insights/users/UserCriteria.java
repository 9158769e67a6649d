package io.m365insights.users;

import java.time.LocalDate;
import java.util.UUID;

/** Which users to list; null fields do not filter. */
public record UserCriteria(Boolean accountEnabled, Boolean licensed, UUID skuId, String department, String search,
                           boolean includeDeleted, LocalDate lastActiveOnOrBefore) {

    public static UserCriteria all() {
        return new UserCriteria(null, null, null, null, null, false, null);
    }

    public UserCriteria withSku(UUID sku) {
        return new UserCriteria(accountEnabled, licensed, sku, department, search, includeDeleted, lastActiveOnOrBefore);
    }

    /** Only users with no activity after {@code day} (never-active users included). */
    public UserCriteria inactiveAfter(LocalDate day) {
        return new UserCriteria(accountEnabled, licensed, skuId, department, search, includeDeleted, day);
    }
}
