package io.m365insights.api;

import io.m365insights.api.model.UserConnection;
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
