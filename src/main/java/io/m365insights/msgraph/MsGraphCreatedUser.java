package io.m365insights.msgraph;

/**
 * A user Microsoft Graph created.
 *
 * @param user  what we know of it: Graph's answer (id, user principal name, created time when sent) completed with
 *              what we asked for (Graph answers {@code POST /users} with its default properties only)
 * @param write the request id, and whether the creation was confirmed by reading the user back after a retry
 */
public record MsGraphCreatedUser(MsGraphUser user, MsGraphWrite write) {
}
