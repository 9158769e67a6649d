package io.m365insights.api.planned;

import io.m365insights.api.UsageApi;
import io.m365insights.api.UsersApi;
import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.api.model.UsagePoint;
import io.m365insights.usage.Granularity;
import io.m365insights.usage.Platform;
import io.m365insights.usage.UsageApp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;

/**
 * The resolvers a planned query calls: the API's own (the same beans, methods and interceptors, so the same
 * access checks, statements and errors as the engine), nothing of their own.
 */
@ApplicationScoped
class Resolvers {
    @Inject
    UsersApi users;

    @Inject
    UsageApi usage;

    UserConnection page(Integer first, String after, UserFilter filter, UserOrder orderBy) {
        return users.users(first, after, filter, orderBy);
    }

    int totalCount(UserConnection connection) {
        return users.totalCount(connection);
    }

    List<List<LicenseAssignment>> licenses(List<User> page) {
        return users.licenses(page);
    }

    List<LocalDate> assignedSince(List<LicenseAssignment> assignments) {
        return users.assignedSince(assignments);
    }

    List<LocalDate> lastActivityDate(List<User> page) {
        return usage.lastActivityDate(page);
    }

    List<LocalDate> lastActivationDate(List<User> page) {
        return usage.lastActivationDate(page);
    }

    List<?> usageStatus(List<User> page) {
        return usage.usageStatus(page);
    }

    List<UsagePoint> usage(LocalDate from, LocalDate to, Granularity granularity, List<UsageApp> apps,
                           List<Platform> platforms) {
        return usage.usage(from, to, granularity, apps, platforms);
    }
}
