package io.m365insights.api.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The interceptors behind {@link ReaderAccess} and {@link AdminAccess}: each requires its role, then proceeds. */
public final class AccessInterceptors {
    private AccessInterceptors() {
    }

    /** Requires {@code role} of the caller before the intercepted method runs. */
    abstract static class RoleCheck {
        private final String role;
        @Inject
        AccessCheck access;

        RoleCheck(String role) {
            this.role = role;
        }

        @AroundInvoke
        Object check(InvocationContext ctx) throws Exception {
            access.require(role);
            return ctx.proceed();
        }
    }

    @ReaderAccess
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    public static class Reader extends RoleCheck {
        public Reader() {
            super(Roles.READER);
        }
    }

    @AdminAccess
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 101)
    public static class Admin extends RoleCheck {
        public Admin() {
            super(Roles.ADMIN);
        }
    }
}
