package io.m365insights.api;

import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserFilter;
import io.m365insights.usage.Inactivity;
import io.m365insights.api.model.UserOrder;
import io.m365insights.config.M365Config;
import io.m365insights.users.UserCriteria;
import io.m365insights.users.UserQueries;
import io.m365insights.users.UserSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Builds a users connection page (root `users` and `License.assignedUsers` share it). */
@ApplicationScoped
class UserConnections {
    @Inject
    UserQueries users;

    @Inject
    M365Config config;

    @Inject
    Inactivity inactivity;

    /** The filter as criteria, with {@code inactiveForDays} resolved against the usage data. */
    UserCriteria criteria(UserFilter filter) {
        UserCriteria criteria = ApiMapper.criteria(filter);
        return filter == null || filter.inactiveForDays == null ? criteria
                : criteria.inactiveAfter(inactiveCutoff(filter.inactiveForDays, "filter.inactiveForDays"));
    }

    /** Users last active on or before the returned day are inactive for {@code days}. */
    java.time.LocalDate inactiveCutoff(int days, String argument) {
        try {
            return inactivity.inactiveIfLastActiveOnOrBefore(days);
        } catch (IllegalArgumentException e) {
            throw new ApiInputException(argument + ": " + e.getMessage());
        }
    }

    UserConnection page(Integer first, String after, UserCriteria criteria, UserOrder orderBy) {
        int size = ApiMapper.pageSize(first, config.api());
        UserSort sort = ApiMapper.sort(orderBy);
        var position = UserCursor.decode(after, sort);
        return ApiMapper.connection(users.page(criteria, sort, position, size), sort, criteria, position.isPresent());
    }

    long count(UserCriteria criteria) {
        return users.count(criteria);
    }
}
