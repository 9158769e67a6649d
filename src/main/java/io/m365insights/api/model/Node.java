package io.m365insights.api.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Relay's object identification, with the global id under {@code nodeId}: the types had an {@code id} before (the
 * Entra object id of a user, the number of an audit event or a sync run) that clients keep using, and those numbers
 * are not unique across types, so the global id could not take that name without breaking them. See docs/api.md.
 */
@Interface("Node")
@Description("An object that can be fetched again by its global id with `node(id:)`. The global id is `nodeId` "
        + "(opaque, unique across every type); the `id` field some types also have keeps its meaning (an Entra object "
        + "id, a number).")
public interface Node {
    @Id
    @NonNull
    @Description(NodeIds.DESCRIPTION)
    String getNodeId();
}
