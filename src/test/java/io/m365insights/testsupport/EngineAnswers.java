package io.m365insights.testsupport;

import io.m365insights.api.access.Roles;
import io.quarkus.arc.Arc;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Answers of SmallRye GraphQL's execution itself, bypassing our HTTP handler: what the API's answers are held to. */
public final class EngineAnswers {
    private EngineAnswers() {
    }

    /**
     * The document run by {@code engine} as our HTTP handler (Quarkus's {@code SmallRyeGraphQLAbstractHandler}) runs
     * it: in a request context, with an admin's identity and the handler's metadata (resolvers run in place).
     */
    public static String execute(ExecutionService engine, CurrentIdentityAssociation identity, String query,
                                 Map<String, Object> variables) {
        JsonObjectBuilder input = Json.createObjectBuilder().add("query", query)
                .add("variables", Json.createObjectBuilder(variables));
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(GraphQL.ADMIN))
                    .addRole(Roles.READER).addRole(Roles.ADMIN).build());
            Map<String, Object> metadata = new ConcurrentHashMap<>(Map.of("runBlocking", true, "httpHeaders", Map.of(),
                    "state", requestContext.getState()));
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
            requestContext.terminate();
        }
    }
}
