package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Microsoft Graph's OData error body (CONTRACT.md §7): {@code {"error":{"code","message","innerError":{"date",
 * "request-id","client-request-id"}}}}. {@code innerError.date} has no offset, as Graph sends it.
 */
public final class ODataErrors {
    private ODataErrors() {
    }

    public static SimResponse error(int status, String code, String message, SimRequest request) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode inner = Json.object()
                .put("date", LocalDateTime.ofInstant(request == null ? Instant.EPOCH : request.receivedAt(), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS).toString())
                .put("request-id", requestId)
                .put("client-request-id", clientRequestId(request));
        ObjectNode error = Json.object().put("code", code).put("message", message);
        error.set("innerError", inner);
        ObjectNode body = Json.object();
        body.set("error", error);
        return SimResponse.json(status, Json.write(body)).header("request-id", requestId);
    }

    static String clientRequestId(SimRequest request) {
        String id = request == null ? null : request.header("client-request-id");
        return id != null ? id : UUID.randomUUID().toString();
    }

    public static SimResponse notFound(String id, SimRequest request) {
        return error(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.", request);
    }

    public static SimResponse badRequest(String message, SimRequest request) {
        return error(400, "Request_BadRequest", message, request);
    }
}
