package io.m365insights.api;

import io.m365insights.api.model.LicenseAssignment;
import io.m365insights.licenses.SeatHistory;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserConnection;
import io.m365insights.api.model.UserFilter;
import io.m365insights.api.model.UserOrder;
import io.m365insights.licenses.AssignmentRow;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.users.UserQueries;
import io.m365insights.api.access.ReaderAccess;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@GraphQLApi
@ReaderAccess
public class UsersApi {
    @Inject
    SeatHistory seatHistory;

    @Inject
    UserConnections connections;

    @Inject
    UserQueries users;

    @Inject
    LicenseQueries licenses;

    @Query("users")
    @Description("Directory users, a page at a time (Relay). Ordered by display name unless orderBy says otherwise; "
            + "first defaults to 50 and may not exceed 500.")
    public @NonNull UserConnection users(Integer first, String after, UserFilter filter, UserOrder orderBy) {
        return connections.page(first, after, connections.criteria(filter), orderBy);
    }

    @Query("user")
    @Description("One user by object id or by user principal name (give exactly one). Deleted users are found too.")
    public User user(@Id String id, String userPrincipalName) {
        if ((id == null) == (userPrincipalName == null)) {
            throw new ApiInputException("user: give exactly one of id or userPrincipalName");
        }
        var found = id != null ? users.byId(Ids.uuid(id, "id")) : users.byUserPrincipalName(userPrincipalName);
        return found.map(ApiMapper::user).orElse(null);
    }

    @Description("Every user matching the filter, on all pages.")
    public int totalCount(@Source UserConnection connection) {
        return Math.toIntExact(connections.count(connection.criteria()));
    }

    @Description("The user's license assignments, direct and group-inherited (one query for a whole page of users).")
    public List<@NonNull List<@NonNull LicenseAssignment>> licenses(@Source List<User> page) {
        List<UUID> ids = page.stream().map(u -> UUID.fromString(u.id())).distinct().toList();
        Map<UUID, List<AssignmentRow>> byUser = licenses.assignments(ids);
        return page.stream().map(u -> byUser.getOrDefault(UUID.fromString(u.id()), List.of()).stream()
                .map(ApiMapper::assignment).toList()).toList();
    }

    @Description("The day this assignment was last seen to appear (by a sync, or made through this service), from "
            + "the seat history; null when it was already there at this service's first sync, so its start is "
            + "unknown (lastUpdatedAt is then the nearest fact: when Microsoft last changed it).")
    public List<LocalDate> assignedSince(@Source List<LicenseAssignment> page) {
        // read only when a document asks for it: one statement for all the assignments of the page
        Map<SeatHistory.Assignment, LocalDate> since = seatHistory.assignedSince(page.stream()
                .map(LicenseAssignment::userId).distinct().toList());
        return page.stream().map(a -> since.get(new SeatHistory.Assignment(a.userId(),
                UUID.fromString(a.license().skuId()), a.assignedByGroupId() == null ? null
                : UUID.fromString(a.assignedByGroupId())))).toList();
    }
}
