package io.m365insights.api.access;

import io.smallrye.graphql.api.ErrorCode;

/** The caller lacks the role an operation needs: GraphQL error code FORBIDDEN. */
@ErrorCode("FORBIDDEN")
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
