package io.m365insights.users;

import java.util.UUID;

/** Which users to list; null fields do not filter. */
public record UserCriteria(Boolean accountEnabled, Boolean licensed, UUID skuId, String department, String search,
                           boolean includeDeleted) {

    public static UserCriteria all() {
        return new UserCriteria(null, null, null, null, null, false);
    }

    public UserCriteria withSku(UUID sku) {
        return new UserCriteria(accountEnabled, licensed, sku, department, search, includeDeleted);
    }
}
