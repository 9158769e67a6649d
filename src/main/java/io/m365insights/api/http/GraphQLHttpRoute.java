package io.m365insights.api.http;

import io.m365insights.api.documents.TrustedDocuments;
import io.m365insights.api.planned.PlannedQueries;
import io.m365insights.config.M365Config;
import io.micrometer.core.instrument.MeterRegistry;
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
 *
 * <p>Each request executes on a worker thread of its own, from parsing to the last resolver. Executed on the event loop
 * instead, SmallRye GraphQL (Quarkus 3.33) hands every blocking resolver to Vert.x's <em>ordered</em>
 * {@code executeBlocking} of the event loop's context, so the resolvers of all requests sharing an event loop run one
 * after another (quarkusio/quarkus#54361): with 2 cores, 4 event loops, at most 4 resolvers at once, and a slow one
 * (a year-long usage series) holds up every request behind it. On a worker, our blocking resolvers run in place: no
 * queue, no thread hop per resolver; concurrency is bounded by the worker pool and the database pool.
 * bench/graphql-exec.sh measures both (bench/RESULTS.md).
 */
@ApplicationScoped
public class GraphQLHttpRoute {
    /** After Quarkus's security filters and upload limit check (negative orders), before every ordinary route. */
    static final int ORDER = -1;

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
                 Instance<CurrentIdentityAssociation> identity, CurrentVertxRequest currentRequest,
                 Instance<MeterRegistry> registry, M365Config config, PlannedQueries planned) {
        String path = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBody.asLongValue());
        router.route(path).order(ORDER)
                .handler(onEventLoop(body))
                // unordered: requests must not queue behind one another (see the class comment)
                .blockingHandler(new GraphQLOverHttpHandler(identity.isResolvable() ? identity.get() : null,
                        currentRequest, registry.isResolvable() ? registry.get() : null,
                        TrustedDocuments.load(GraphQLHttpRoute.class.getClassLoader()), policy(config), planned), false);
    }

    private static TrustedDocumentPolicy policy(M365Config config) {
        M365Config.TrustedDocumentSettings settings = config.api().trustedDocuments();
        return new TrustedDocumentPolicy(settings.only(), settings.freeFormRoles().orElse(java.util.List.of()));
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
