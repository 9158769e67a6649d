package io.m365insights.api.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts {@link GraphQLOverHttpHandler} on the GraphQL endpoint, in front of SmallRye GraphQL's own route for the same
 * path (which then never sees a request). It runs after the security filters (authentication -200, authorization -100:
 * no token is still 401) and reads the body itself, within {@code quarkus.http.limits.max-body-size} (413 beyond).
 */
@ApplicationScoped
public class GraphQLHttpRoute {
    /** After Quarkus's security filters and upload limit check (negative orders), before every ordinary route. */
    static final int ORDER = -1;

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
                 Instance<CurrentIdentityAssociation> identity, CurrentVertxRequest currentRequest) {
        String path = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
        router.route(path).order(ORDER)
                .handler(onEventLoop(body))
                .handler(new GraphQLOverHttpHandler(identity.isResolvable() ? identity.get() : null, currentRequest));
    }

    /** The body handler must start reading on the request's event loop (authentication may end on a worker). */
    private static Handler<RoutingContext> onEventLoop(Handler<RoutingContext> handler) {
        return ctx -> {
            Context context = Vertx.currentContext();
            if (Context.isOnEventLoopThread() || context == null) {
                handler.handle(ctx);
            } else {
                context.runOnContext(v -> handler.handle(ctx));
            }
        };
    }
}
