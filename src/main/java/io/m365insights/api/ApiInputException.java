package io.m365insights.api;

import io.smallrye.graphql.api.ErrorCode;

/** Bad input to our API (page size, cursor, id format): a GraphQL error with code BAD_USER_INPUT, never a 500. */
@ErrorCode("BAD_USER_INPUT")
public class ApiInputException extends RuntimeException {
    public ApiInputException(String message) {
        super(message);
    }
}
