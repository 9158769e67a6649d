package io.m365insights.testsupport;

import io.m365insights.api.access.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** Answers of SmallRye GraphQL's execution itself, bypassing our HTTP handler: what the API's answers are held to. */
public final class EngineAnswers {
    private EngineAnswers() {
    }

    /**
     * The document run by {@code engine} as our HTTP handler (Quarkus's {@code SmallRyeGraphQLAbstractHandler}) runs
     * it: on a worker thread of its own (the test thread's own request context stays as it was), in a request context
     * begun there and destroyed by its state, with an admin's identity and the handler's metadata (resolvers run in
     * place). Destroyed by its state as the handler does: a plain terminate() after batch resolvers had deactivated the
     * context left each such request's Hibernate session open, holding a pooled connection for good (the suite's pool
     * of 20 ran dry in ReplicasTest, and every later test failed on "acquisition timeout").
     */
    public static String execute(ExecutionService engine, CurrentIdentityAssociation identity, String query,
                                 Map<String, Object> variables) {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            return CompletableFuture.supplyAsync(() -> executeHere(engine, identity, query, variables), worker).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        } finally {
            worker.shutdown();
        }
    }

    private static String executeHere(ExecutionService engine, CurrentIdentityAssociation identity, String query,
                                      Map<String, Object> variables) {
        JsonObjectBuilder input = Json.createObjectBuilder().add("query", query)
                .add("variables", Json.createObjectBuilder(variables));
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        InjectableContext.ContextState state = requestContext.getState();
        try {
            identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(GraphQL.ADMIN))
                    .addRole(Roles.READER).addRole(Roles.ADMIN).build());
            Map<String, Object> metadata = new ConcurrentHashMap<>(Map.of("runBlocking", true, "httpHeaders", Map.of(),
                    "state", state));
            AtomicReference<String> answer = new AtomicReference<>();
            engine.executeSync(input.build(), metadata, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    answer.set(response.getExecutionResultAsString());
                }

                @Override
                public void fail(Throwable failure) {
                    throw new AssertionError(failure);
                }
            });
            return answer.get();
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            // the state begun here, as the handler ends it: batch resolvers may have deactivated the context on this
            // thread by now, and a terminate() of an inactive context destroys nothing (a Hibernate session would
            // keep its pooled connection for good)
            requestContext.destroy(state);
            if (requestContext.isActive()) {
                requestContext.deactivate();
            }
        }
    }
}
