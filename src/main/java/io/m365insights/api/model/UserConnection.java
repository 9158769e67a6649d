package io.m365insights.api.model;

import io.m365insights.users.UserCriteria;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** {@code criteria}: the filter behind this connection, for the lazily computed totalCount. */
@Type("UserConnection")
@Description("A page of users (Relay connection). totalCount counts every user matching the filter, on all pages.")
public record UserConnection(@NonNull List<@NonNull UserEdge> edges, @NonNull PageInfo pageInfo,
                             @Ignore UserCriteria criteria) {
    public @NonNull List<@NonNull User> getNodes() {
        return edges.stream().map(UserEdge::node).toList();
    }
}
