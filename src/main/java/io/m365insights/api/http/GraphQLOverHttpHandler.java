package io.m365insights.api.http;

import graphql.language.OperationDefinition;
import io.m365insights.api.documents.TrustedDocuments;
import io.m365insights.api.planned.PlannedQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.spi.JsonProvider;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of our GraphQL endpoint, as the GraphQL-over-HTTP specification says, in front of SmallRye GraphQL's
 * execution (which it reuses whole: security identity, request context, data fetchers). SmallRye's own handler (2.17)
 * answers 200 to everything, accepts any request media type, and with {@code quarkus.smallrye-graphql.http.get.enabled}
 * runs mutations sent with GET, URL-decodes GET parameters twice and takes the whole query as the operation name; this
 * one:
 * <ul>
 * <li>POST with {@code application/json} (UTF-8; repeated, as GraphiQL sends it: {@link RequestMediaType}); another or
 * no Content-Type is 415;</li>
 * <li>GET with URL parameters, for queries only: a mutation is 405 and is not run;</li>
 * <li>{@code documentId} instead of {@code query} (GET or POST) runs a trusted document ({@link TrustedDocuments}); an
 * unknown id is 400; with {@code m365.api.trusted-documents.only}, any other document is 403
 * ({@link TrustedDocumentPolicy});</li>
 * <li>a request that is not well formed (not JSON, {@code query} not a string, {@code variables} not a map...) is
 * 400;</li>
 * <li>the response type follows {@code Accept} ({@link ResponseMediaType}); none acceptable is 406; with
 * {@code application/graphql-response+json} a request that could not be executed (parse, validation or variable
 * errors, limits: no {@code data}) is 400; with {@code application/json} it is 200, as the spec asks.</li>
 * </ul>
 */
final class GraphQLOverHttpHandler extends SmallRyeGraphQLAbstractHandler {
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final JsonProvider JSON = JsonProvider.provider();
    /** GraphQL requests by root field (the name SmallRye GraphQL's own metrics used, kept for dashboards). */
    static final String TIMER = "mp_graphql";

    private final MeterRegistry registry;
    private final TrustedDocuments documents;
    private final TrustedDocumentPolicy policy;
    private final PlannedQueries planned;

    GraphQLOverHttpHandler(CurrentIdentityAssociation identity, CurrentVertxRequest request, MeterRegistry registry,
                           TrustedDocuments documents, TrustedDocumentPolicy policy, PlannedQueries planned) {
        super(identity, request, true); // runs on a worker thread (GraphQLHttpRoute): resolvers run in place
        this.registry = registry;
        this.documents = documents;
        this.policy = policy;
        this.planned = planned;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) { // a CORS preflight never gets here: the CORS filter answers it
            ctx.response().putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS).setStatusCode(204).end();
            return;
        }
        Optional<ResponseMediaType> negotiated = ResponseMediaType.negotiate(ctx.parsedHeaders().accept());
        if (negotiated.isEmpty()) {
            refuse(ctx, ResponseMediaType.JSON, 406, "NOT_ACCEPTABLE", "Accept application/graphql-response+json or "
                    + "application/json (UTF-8)");
            return;
        }
        ResponseMediaType type = negotiated.get();
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
            refuse(ctx, type, 405, "METHOD_NOT_ALLOWED", "Use POST (or GET for queries)");
            return;
        }
        if (method == HttpMethod.POST && !RequestMediaType.isJson(ctx.request().headers().getAll(HttpHeaders.CONTENT_TYPE))) {
            refuse(ctx, type, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type: application/json");
            return;
        }
        GraphQLHttpRequest request;
        try {
            request = method == HttpMethod.GET
                    ? GraphQLHttpRequest.fromQueryParameters(firstValues(ctx), jsonReaderFactory, documents)
                    : GraphQLHttpRequest.fromJson(ctx.body().asString("UTF-8"), jsonReaderFactory, documents);
        } catch (GraphQLHttpRequest.Malformed e) {
            refuse(ctx, type, 400, "BAD_REQUEST", e.getMessage());
            return;
        } catch (GraphQLHttpRequest.UnknownDocument e) {
            refuse(ctx, type, 400, "TRUSTED_DOCUMENT_NOT_FOUND", e.getMessage());
            return;
        }
        if (!request.trusted(documents) && !policy.mayRunAnyDocument(ctx)) {
            refuse(ctx, type, 403, "TRUSTED_DOCUMENTS_ONLY", TrustedDocumentPolicy.REFUSAL);
            return;
        }
        Optional<GraphQLHttpRequest.Operation> operation = request.operation();
        if (method == HttpMethod.GET && operation.map(o -> o.type() != OperationDefinition.Operation.QUERY).orElse(false)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            refuse(ctx, type, 405, "METHOD_NOT_ALLOWED", "Mutations must be sent with POST");
            return;
        }
        long start = System.nanoTime();
        Optional<byte[]> answer = planned == null ? Optional.empty()
                : planned.answer(request.query(), request.operationName(), request.variables());
        if (answer.isPresent()) { // a planned users page: the engine's answer, byte for byte (PlannedQueries)
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, type.contentType)
                    .end(Buffer.buffer(answer.get()));
            time(registry, operation.orElse(null), start);
            return;
        }
        getExecutionService().executeAsync(request.toJson(JSON), getMetaData(ctx),
                new Writer(ctx, type, request, operation.orElse(null), registry, planned, start));
    }

    /** Records an executed request's time under {@value #TIMER}, per root field. */
    private static void time(MeterRegistry registry, GraphQLHttpRequest.Operation operation, long startNanos) {
        if (operation != null && registry != null) {
            long elapsed = System.nanoTime() - startNanos;
            String kind = operation.type().name().toLowerCase(Locale.ROOT);
            for (String field : operation.rootFields()) {
                registry.timer(TIMER, "name", field, "type", kind).record(elapsed, TimeUnit.NANOSECONDS);
            }
        }
    }

    private static Map<String, String> firstValues(RoutingContext ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.queryParams().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        return params;
    }

    /** A request we do not run: the status and a GraphQL error body saying what to do instead. */
    private static void refuse(RoutingContext ctx, ResponseMediaType type, int status, String code, String message) {
        String body = JSON.createObjectBuilder().add("errors", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("message", message).add("extensions", JSON.createObjectBuilder().add("code", code)))).build()
                .toString();
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type.contentType).end(body);
    }

    /**
     * Writes the GraphQL response with the status its media type calls for, and times the request: the metric
     * {@value #TIMER} (tags {@code name}: each field the operation asks at the root, {@code type}: query or mutation),
     * from the start of execution to the response written. Only executed requests are timed, so the names are the
     * schema's (an invalid document could name anything). SmallRye GraphQL's own timing of operations is off: it does
     * not time resolvers run in place, as ours are on a worker thread.
     */
    private record Writer(RoutingContext ctx, ResponseMediaType type, GraphQLHttpRequest request,
                          GraphQLHttpRequest.Operation operation, MeterRegistry registry, PlannedQueries planned,
                          long startNanos) implements ExecutionResponseWriter {
        @Override
        public void write(ExecutionResponse response) {
            if (ctx.response().ended()) {
                return; // the client went away
            }
            boolean executed = response.getExecutionResult().isDataPresent();
            int status = type == ResponseMediaType.GRAPHQL_RESPONSE_JSON && !executed ? 400 : 200;
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type.contentType)
                    .end(response.getExecutionResultAsString());
            if (executed) {
                time(registry, operation, startNanos);
                if (planned != null && response.getExecutionResult().getErrors().isEmpty()) {
                    planned.answeredCleanly(request.query(), request.operationName());
                }
            }
        }

        @Override
        public void fail(Throwable failure) {
            ctx.fail(failure);
        }
    }
}
