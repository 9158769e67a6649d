package io.m365insights.api.model;

import io.m365insights.users.UserCriteria;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("UserConnection")
@Description("A page of users (Relay connection). totalCount counts every user matching the filter, on all pages.")
public class UserConnection {
    private final List<UserEdge> edges;
    private final PageInfo pageInfo;
    private final UserCriteria criteria;

    public UserConnection(List<UserEdge> edges, PageInfo pageInfo, UserCriteria criteria) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.criteria = criteria;
    }

    public @NonNull List<@NonNull UserEdge> getEdges() {
        return edges;
    }

    public @NonNull List<@NonNull User> getNodes() {
        return edges.stream().map(UserEdge::node).toList();
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    /** The filter behind this connection, for the lazily computed totalCount. */
    @Ignore
    public UserCriteria criteria() {
        return criteria;
    }
}
