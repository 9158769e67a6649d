package io.m365insights.export;

import io.m365insights.api.access.AccessCheck;
import io.m365insights.api.access.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /export/usage.csv?from=&to=&granularity=}, {@code /export/users.csv?includeDeleted=},
 * {@code /export/idle-seats.csv?skuId=&days=} and {@code /export/savings.csv?days=}: the reporting views as CSV
 * files, for tools that import files (Excel, Looker Studio, Tableau). Same access as the API: a bearer
 * token (401 otherwise, with the sign-in challenge) with the reader or admin role (403 otherwise). Bad parameters are
 * 400 with a message saying what to send. Each export runs on a worker thread and streams ({@link ResponseOutput}).
 */
@ApplicationScoped
public class ExportRoutes {
    private static final Logger LOG = Logger.getLogger(ExportRoutes.class);
    static final String CSV = "text/csv; charset=utf-8; header=present";

    interface Export {
        void write(Map<String, String> params, ResponseOutput out) throws Exception;
    }

    void install(@Observes Router router, CsvExports exports, IdleSeatsExport idleSeats, SavingsExport savings) {
        route(router, "usage", (params, out) -> {
            ExportParameters.UsageRange r = ExportParameters.usage(params);
            exports.usage(r.from(), r.to(), r.granularity(), out);
        });
        route(router, "users", (params, out) -> exports.users(ExportParameters.includeDeleted(params), out));
        route(router, "idle-seats", (params, out) -> {
            ExportParameters.IdleSeatsQuery q = ExportParameters.idleSeats(params);
            idleSeats.write(q.skuId(), q.days(), out);
        });
        route(router, "savings", (params, out) -> savings.write(ExportParameters.savingsDays(params), out));
    }

    private static void route(Router router, String dataset, Export export) {
        router.get("/export/" + dataset + ".csv").blockingHandler(ctx -> handle(ctx, dataset, export), false);
    }

    private static void handle(RoutingContext ctx, String dataset, Export export) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        if (identity == null || !AccessCheck.grants(identity, Roles.READER)) {
            text(ctx, 403, "Exports need the role " + Roles.READER + " (or " + Roles.ADMIN + ")");
            return;
        }
        Map<String, String> params = new HashMap<>();
        ctx.queryParams().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        HttpServerResponse response = ctx.response();
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : ctx.vertx().getOrCreateContext();
        ResponseOutput out = new ResponseOutput(response, context);
        try {
            // headers go out with the first chunk: a parameter refused before it can still be a 400
            response.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, CSV)
                    .putHeader("Content-Disposition", "attachment; filename=\"" + dataset + ".csv\"");
            export.write(params, out);
            out.close();
        } catch (ExportParameters.BadParameter e) {
            response.headers().remove("Content-Disposition");
            text(ctx, 400, e.getMessage());
        } catch (Exception e) {
            if (!response.headWritten()) {
                LOG.errorf(e, "export %s failed", dataset);
                text(ctx, 500, "The export failed; see the service's log");
            } else {
                // rows are already out: cut the connection so that the client sees a truncated file, not a complete one
                LOG.warnf("export %s stopped after the response started: %s", dataset, e.toString());
                ctx.request().connection().close();
            }
        }
    }

    private static void text(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(message + "\n");
    }
}
