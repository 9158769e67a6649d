package io.m365insights.api;

import io.m365insights.api.model.License;
import io.m365insights.api.model.User;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.users.UserQueries;
import io.m365insights.users.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Resolves the raw ids of a page (audit events, plan items) to the objects they name, one statement per kind for the
 * whole page. The result is aligned with the ids; a null id gives null.
 */
@ApplicationScoped
class References {
    @Inject
    UserQueries users;

    @Inject
    LicenseQueries licenses;

    /** The users, deleted ones included; null for an id our directory does not hold. */
    List<User> users(List<String> ids) {
        Map<UUID, UserRow> found = users.byIds(distinct(ids));
        return ids.stream().map(id -> id == null ? null : found.get(UUID.fromString(id)))
                .map(u -> u == null ? null : ApiMapper.user(u)).toList();
    }

    /** The licenses, removed ones included; one Microsoft Graph never listed is known by its id only. */
    List<License> licenses(List<String> skuIds) {
        Map<UUID, SkuEntity> found = licenses.skus(distinct(skuIds)).stream()
                .collect(Collectors.toMap(s -> s.skuId, s -> s));
        return skuIds.stream().map(id -> {
            if (id == null) {
                return null;
            }
            SkuEntity sku = found.get(UUID.fromString(id));
            return sku == null ? ApiMapper.unknownLicense(id) : ApiMapper.license(sku);
        }).toList();
    }

    private static List<UUID> distinct(List<String> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().map(UUID::fromString).toList();
    }
}
