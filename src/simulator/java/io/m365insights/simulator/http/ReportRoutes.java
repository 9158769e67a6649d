package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.UsageModel;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage reports (CONTRACT.md §1–2): {@code GET /reports/getM365AppUserDetail(date=D)} answers 302 with a
 * pre-authenticated download URL on another host and port, where the CSV (UTF-8 BOM, CRLF) is served;
 * {@code GET|PATCH /admin/reportSettings} holds the concealed-names setting. Dates older than the 28 most recent
 * available days are refused with 400 InvalidArgument (which day exactly is the boundary is unverified; we count 28
 * days back from the latest available day, today - 2). The latest available day is served incomplete (about 10% of
 * rows missing), as Microsoft may still be completing it. An optional mode enforces Microsoft's report throttling
 * (14 requests per 10 minutes per report, sliding window; the window can be compressed for tests).
 */
final class ReportRoutes {
    static final String HEADER = "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,"
            + "Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams,"
            + "Outlook (Windows),Word (Windows),Excel (Windows),PowerPoint (Windows),OneNote (Windows),Teams (Windows),"
            + "Outlook (Mac),Word (Mac),Excel (Mac),PowerPoint (Mac),OneNote (Mac),Teams (Mac),"
            + "Outlook (Mobile),Word (Mobile),Excel (Mobile),PowerPoint (Mobile),OneNote (Mobile),Teams (Mobile),"
            + "Outlook (Web),Word (Web),Excel (Web),PowerPoint (Web),OneNote (Web),Teams (Web)";
    /** Microsoft's delay: the latest day a report can be asked for is today minus this. */
    static final int LATEST_DAY_OFFSET = 2;
    /** Microsoft serves the 28 most recent days; benchmarks may ask for more ({@code --report-days}, {@code reportDays}). */
    static final int KEPT_DAYS = 28;
    private static final Pattern FUNCTION = Pattern.compile("(date|period)=('?)([^')]*)\\2");

    /** A pending download: the Apps report of a day, or another report's file ({@code body} not null). */
    private record Download(LocalDate date, boolean concealed, boolean incomplete, java.util.function.Supplier<byte[]> body) {
    }

    private final GraphSimulator sim;
    private final Map<String, Download> downloads = new ConcurrentHashMap<>();
    /** Microsoft's CSV report limit (CONTRACT.md §1.1): 14 requests per 10 minutes per report function, sliding. */
    private final SlidingWindow throttle;
    private volatile boolean concealed;
    private volatile int clockOffsetDays;
    private volatile boolean reportsForbidden;
    private volatile int startupKeptDays = KEPT_DAYS;
    private volatile int keptDays = KEPT_DAYS;
    /** What serving report files cost the simulator, so a benchmark can tell its time from the app's. */
    private final java.util.concurrent.atomic.AtomicLong servedFiles = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong servedRows = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong servedNanos = new java.util.concurrent.atomic.AtomicLong();
    /** Days whose download is cut off mid-line (a truncated file). */
    private final java.util.Set<LocalDate> truncated = ConcurrentHashMap.newKeySet();

    ReportRoutes(GraphSimulator sim) {
        this.sim = sim;
        this.throttle = new SlidingWindow(14, 600_000, () -> sim.now().toEpochMilli());
    }

    void register(Router graph, Router download) {
        graph.add("GET", "/v1\\.0/reports/getM365AppUserDetail\\((.*)\\)", Router.Area.GRAPH, this::report);
        graph.add("GET", "/v1\\.0/admin/reportSettings", Router.Area.GRAPH, this::getSettings);
        graph.add("PATCH", "/v1\\.0/admin/reportSettings", Router.Area.GRAPH, this::patchSettings);
        graph.add("GET", "/_simulator/usage", Router.Area.CONTROL, this::rawUsage);
        graph.add("PATCH", "/_simulator/reports", Router.Area.CONTROL, this::configure);
        graph.add("GET", "/_simulator/reports/stats", Router.Area.CONTROL, this::stats);
        download.add("GET", "/data/download/([^/]+)", Router.Area.DOWNLOAD, this::download);
    }

    void reset() {
        downloads.clear();
        throttle.reset();
        concealed = false;
        clockOffsetDays = 0;
        reportsForbidden = false;
        keptDays = startupKeptDays;
        servedFiles.set(0);
        servedRows.set(0);
        servedNanos.set(0);
        truncated.clear();
    }

    /** How many days back (from the latest available day) reports are served; kept across resets. */
    void startupKeptDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("report days must be at least 1");
        }
        startupKeptDays = days;
        keptDays = days;
    }

    /** The Apps report's throttling budget: its setting and the requests and 429s it saw. */
    ObjectNode throttleStats() {
        return throttle.stats();
    }

    LocalDate today() {
        return LocalDate.ofInstant(sim.now(), ZoneOffset.UTC).plusDays(clockOffsetDays);
    }

    private SimResponse report(SimRequest r) {
        if (reportsForbidden) { // the app registration lacks Reports.Read.All (CONTRACT.md §2: the message is a JSON string)
            return ODataErrors.error(403, "UnknownError",
                    "{\"error\":{\"code\":\"S2SUnauthorized\",\"message\":\"Invalid permission.\"}}", r);
        }
        Matcher m = FUNCTION.matcher(r.group(1));
        if (!m.matches() || !m.group(1).equals("date")) {
            return ODataErrors.error(400, "BadRequest", "The simulator serves getM365AppUserDetail(date=...) only.", r);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(3));
        } catch (DateTimeParseException e) {
            return ODataErrors.error(400, "InvalidArgument", "Invalid date value specified: " + m.group(3) + ".", r);
        }
        SimResponse throttled = throttle.admit(r);
        if (throttled != null) {
            return throttled;
        }
        LocalDate latest = today().minusDays(LATEST_DAY_OFFSET);
        if (date.isBefore(latest.minusDays(keptDays - 1L)) || date.isAfter(today())) {
            return ODataErrors.error(400, "InvalidArgument", "Invalid date value specified: " + date
                    + ". Only support data for the past 28 days.", r);
        }
        String id = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        downloads.put(id, new Download(date, concealed, !date.isBefore(latest), null));
        return SimResponse.of(302, "text/plain", new byte[0])
                .header("Location", sim.downloadOrigin() + "/data/download/" + id);
    }

    /** A 302 to a pre-authenticated download of a file rendered when it is downloaded (other reports). */
    SimResponse redirectToDownload(java.util.function.Supplier<byte[]> body) {
        String id = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        downloads.put(id, new Download(null, concealed, false, body));
        return SimResponse.of(302, "text/plain", new byte[0])
                .header("Location", sim.downloadOrigin() + "/data/download/" + id);
    }

    /** The tenant's concealed-names setting, which applies to every report. */
    boolean concealed() {
        return concealed;
    }

    /** The app registration lacks Reports.Read.All: every report answers 403. */
    boolean reportsForbidden() {
        return reportsForbidden;
    }

    /** The latest day reports serve and the oldest (Microsoft's 28 days back from it). */
    boolean servesDay(LocalDate date) {
        LocalDate latest = today().minusDays(LATEST_DAY_OFFSET);
        return !date.isBefore(latest.minusDays(keptDays - 1L)) && !date.isAfter(today());
    }

    private SimResponse download(SimRequest r) {
        Download d = downloads.remove(r.group(1));
        if (d == null) {
            return SimResponse.of(404, "text/plain", "The download link expired.".getBytes(StandardCharsets.UTF_8));
        }
        if (r.header("authorization") != null) { // pre-authenticated: a token must never be sent here
            return SimResponse.of(400, "text/plain", "Unexpected Authorization header.".getBytes(StandardCharsets.UTF_8));
        }
        if (d.body() != null) {
            return SimResponse.of(200, "application/octet-stream", d.body().get());
        }
        long started = System.nanoTime();
        List<UsageModel.Row> rows = sim.tenant().read(t ->
                UsageModel.report(t, sim.seed(), d.date(), d.concealed(), d.incomplete()));
        byte[] csv = ReportCsv.write(d.date(), rows);
        servedFiles.incrementAndGet();
        servedRows.addAndGet(rows.size());
        servedNanos.addAndGet(System.nanoTime() - started);
        if (truncated.contains(d.date())) {
            csv = java.util.Arrays.copyOf(csv, csv.length * 2 / 3); // cut in the middle of a line
        }
        return SimResponse.of(200, "application/octet-stream", csv);
    }

    /** {@code GET /_simulator/reports/stats}: report files served since the start (or reset), their rows, and the
     * milliseconds spent generating them. */
    private SimResponse stats(SimRequest r) {
        return SimResponse.json(200, Json.write(Json.object().put("files", servedFiles.get())
                .put("rows", servedRows.get()).put("generationMillis", servedNanos.get() / 1_000_000)
                .put("reportDays", keptDays)));
    }

    private SimResponse getSettings(SimRequest r) {
        // Kiota reads displayConcealedNames at the top level; the docs' example wraps it in "value" (unverified).
        ObjectNode body = Json.object()
                .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#admin/reportSettings/$entity")
                .put("@odata.type", "#microsoft.graph.adminReportSettings")
                .put("displayConcealedNames", concealed);
        return SimResponse.json(200, Json.write(body));
    }

    private SimResponse patchSettings(SimRequest r) {
        JsonNode b = Json.read(r.body());
        if (b == null || !b.has("displayConcealedNames")) {
            return ODataErrors.badRequest("displayConcealedNames is required.", r);
        }
        concealed = b.get("displayConcealedNames").asBoolean();
        return SimResponse.empty(204);
    }

    /** {@code ?date=D}: the rows the report for D holds right now, as JSON (for tests to compute expectations). */
    private SimResponse rawUsage(SimRequest r) {
        LocalDate date = LocalDate.parse(r.query().get("date"));
        LocalDate latest = today().minusDays(LATEST_DAY_OFFSET);
        List<UsageModel.Row> rows = sim.tenant().read(t -> UsageModel.report(t, sim.seed(), date,
                concealed, !date.isBefore(latest)));
        ArrayNode arr = Json.array();
        for (UsageModel.Row row : rows) {
            arr.addObject().put("upn", row.upn()).put("flags", row.flags())
                    .put("lastActivityDate", date(row.lastActivityDate()))
                    .put("lastActivationDate", date(row.lastActivationDate()));
        }
        ObjectNode body = Json.object().put("date", date.toString()).put("today", today().toString());
        body.set("rows", arr);
        return SimResponse.json(200, Json.write(body));
    }

    /**
     * {@code {concealed, forbidden, throttle: {enforced, limit, windowMillis}, clockOffsetDays, truncatedDates: [..],
     * reportDays}},
     * each optional.
     */
    private SimResponse configure(SimRequest r) {
        JsonNode b = Json.read(r.body());
        if (b == null) {
            return ODataErrors.badRequest("A JSON object is required.", r);
        }
        if (b.has("concealed")) {
            concealed = b.get("concealed").asBoolean();
        }
        if (b.has("forbidden")) {
            reportsForbidden = b.get("forbidden").asBoolean();
        }
        if (b.has("reportDays")) {
            if (b.get("reportDays").asInt() < 1) {
                return ODataErrors.badRequest("reportDays must be at least 1.", r);
            }
            keptDays = b.get("reportDays").asInt();
        }
        if (b.has("clockOffsetDays")) {
            clockOffsetDays = b.get("clockOffsetDays").asInt();
        }
        if (b.has("truncatedDates")) {
            truncated.clear();
            b.get("truncatedDates").forEach(d -> truncated.add(LocalDate.parse(d.asText())));
        }
        throttle.configure(b.path("throttle"));
        return SimResponse.json(200, Json.write(Json.object().put("today", today().toString())));
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
