package io.m365insights.usage;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Per-user usage cannot be told (names are concealed in the reports, or no report is stored yet): the API says so
 * with GraphQL error code USAGE_UNAVAILABLE instead of showing zeros.
 */
@ErrorCode("USAGE_UNAVAILABLE")
public class UsageUnavailableException extends RuntimeException {
    /** Where an admin turns concealment off (PRODUCT.md fact 5). */
    public static final String REVEAL_NAMES = "In the Microsoft 365 admin center: Settings › Org Settings › Services "
            + "› Reports › untick \"Display concealed user, group, and site names in all reports\"";

    public UsageUnavailableException(String message) {
        super(message);
    }
}
