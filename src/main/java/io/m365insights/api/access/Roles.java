package io.m365insights.api.access;

/**
 * The two app roles of the API (the {@code roles} claim of the caller's access token). Admin implies reader.
 */
public final class Roles {
    /** Queries. */
    public static final String READER = "m365-insights.reader";
    /** Mutations, syncNow, the audit log. */
    public static final String ADMIN = "m365-insights.admin";

    private Roles() {
    }
}
