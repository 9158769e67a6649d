package io.m365insights.api.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The interceptors behind {@link ReaderAccess} and {@link AdminAccess}. */
public final class AccessInterceptors {
    private AccessInterceptors() {
    }

    @ReaderAccess
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    public static class Reader {
        @Inject
        AccessCheck access;

        @AroundInvoke
        Object check(InvocationContext ctx) throws Exception {
            access.require(Roles.READER);
            return ctx.proceed();
        }
    }

    @AdminAccess
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 101)
    public static class Admin {
        @Inject
        AccessCheck access;

        @AroundInvoke
        Object check(InvocationContext ctx) throws Exception {
            access.require(Roles.ADMIN);
            return ctx.proceed();
        }
    }
}
