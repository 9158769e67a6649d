package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Idle seats computed independently from the simulator's raw data (its control API: the tenant, the activity of every
 * signal, the Apps report's rows), straight from PRODUCT.md's rule: a SKU's signals from its service plans (Copilot →
 * COPILOT; Exchange, SharePoint/OneDrive, Teams, Office → those workloads + APPS; none → SIGN_IN), a seat idle when no
 * signal of its rule was active after the window, seats assigned within the 30-day grace never idle (the report's
 * license assign dates, else the assignment's lastUpdatedDateTime), and sign-ins alone deciding while names are
 * concealed.
 */
public final class IdleSeatExpectations {
    private final LocalDate today;
    private final JsonNode tenant;
    private final Map<String, JsonNode> raw = new HashMap<>();
    private final Map<String, LocalDate> apps = new HashMap<>();

    /** Reads the raw data as of {@code today} (the Apps report's 28 days up to today − 2). */
    public IdleSeatExpectations(SimulatorClient simulator, LocalDate today) {
        this.today = today;
        this.tenant = simulator.tenant();
        LocalDate last = today.minusDays(2);
        JsonNode activity = simulator.activityRaw(last);
        if (!activity.get("today").asText().equals(today.toString())) {
            throw new IllegalStateException("the simulator's today is " + activity.get("today") + ", not " + today);
        }
        activity.get("users").forEach(u -> raw.put(u.get("id").asText(), u));
        for (LocalDate d = last.minusDays(27); !d.isAfter(last); d = d.plusDays(1)) {
            for (JsonNode row : simulator.usage(d).get("rows")) {
                String upn = row.get("upn").asText().toLowerCase();
                LocalDate reported = date(row.get("lastActivityDate"));
                LocalDate active = (row.get("flags").asLong() & 0b111111) != 0 ? d : null;
                for (LocalDate c : new LocalDate[]{reported, active}) {
                    if (c != null) {
                        apps.merge(upn, c, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
    }

    public JsonNode tenant() {
        return tenant;
    }

    /** The raw activity of one user (by object id). */
    public JsonNode raw(String userId) {
        return raw.get(userId);
    }

    /** The signals that show a seat of this SKU is used. */
    public List<String> rule(String skuId) {
        for (JsonNode s : tenant.get("skus")) {
            if (s.get("skuId").asText().equals(skuId)) {
                Set<String> plans = new HashSet<>();
                s.get("servicePlans").forEach(p -> plans.add(p.get("servicePlanName").asText()));
                if (plans.stream().anyMatch(p -> p.startsWith("M365_COPILOT"))) {
                    return List.of("COPILOT");
                }
                List<String> rule = new ArrayList<>();
                boolean exchange = plans.stream().anyMatch(p -> p.startsWith("EXCHANGE_S_"));
                boolean sharepoint = plans.contains("SHAREPOINTENTERPRISE") || plans.contains("SHAREPOINTSTANDARD");
                boolean teams = plans.contains("TEAMS1");
                boolean office = plans.contains("OFFICESUBSCRIPTION") || plans.contains("SHAREPOINTWAC");
                if (!(exchange || sharepoint || teams || office)) {
                    return List.of("SIGN_IN");
                }
                rule.add("APPS");
                if (exchange) {
                    rule.add("EXCHANGE");
                }
                if (sharepoint) {
                    rule.addAll(List.of("ONEDRIVE", "SHAREPOINT"));
                }
                if (teams) {
                    rule.add("TEAMS");
                }
                return rule;
            }
        }
        throw new AssertionError("no SKU " + skuId);
    }

    /** The last day a user was active in one signal; null = never (in the data). */
    public LocalDate signal(JsonNode user, String signal) {
        JsonNode r = raw.get(user.get("id").asText());
        return switch (signal) {
            case "APPS" -> apps.get(user.get("userPrincipalName").asText().toLowerCase());
            case "COPILOT" -> r.get("copilot").isNull() ? null : date(r.get("copilot").get("lastActivityDate"));
            case "SIGN_IN" -> {
                String s = r.get("signInActivity").get("lastSuccessfulSignInDateTime").asText();
                yield s.startsWith("0001-01-01") ? null : LocalDate.ofInstant(Instant.parse(s), ZoneOffset.UTC);
            }
            default -> r.get("services").isNull() ? null : date(r.get("services").get(signal).get("lastActivityDate"));
        };
    }

    public LocalDate assignedSince(JsonNode user, String skuId, List<String> rule, boolean reportLinked) {
        JsonNode services = raw.get(user.get("id").asText()).get("services");
        LocalDate since = null;
        if (reportLinked && !services.isNull()) {
            for (String s : rule) {
                if (services.has(s)) {
                    LocalDate d = date(services.get(s).get("assignDate"));
                    if (d != null && (since == null || d.isBefore(since))) {
                        since = d;
                    }
                }
            }
        }
        if (since == null) {
            for (JsonNode a : user.get("assignments")) {
                if (a.get("skuId").asText().equals(skuId) && !"Error".equals(a.get("state").asText())) {
                    LocalDate d = LocalDate.ofInstant(Instant.parse(a.get("lastUpdatedDateTime").asText()), ZoneOffset.UTC);
                    if (since == null || d.isBefore(since)) {
                        since = d;
                    }
                }
            }
        }
        return since;
    }

    /** Idle holders' ids; {@code reportsReadable} false = names concealed: only sign-ins can decide. */
    public Set<String> expectedIdle(String skuId, int days, boolean reportsReadable) {
        LocalDate cutoff = today.minusDays(2).minusDays(days);
        List<String> rule = rule(skuId);
        Set<String> idle = new TreeSet<>();
        for (JsonNode u : tenant.get("users")) {
            if (!holds(u, skuId)) {
                continue;
            }
            LocalDate since = assignedSince(u, skuId, rule, reportsReadable);
            if (since != null && since.isAfter(today.minusDays(30))) {
                continue; // a new seat
            }
            List<String> deciding = rule.equals(List.of("SIGN_IN")) || !reportsReadable ? List.of("SIGN_IN") : rule;
            LocalDate last = null;
            for (String s : deciding) {
                LocalDate d = signal(u, s);
                if (d != null && (last == null || d.isAfter(last))) {
                    last = d;
                }
            }
            if (last == null || !last.isAfter(cutoff)) {
                idle.add(u.get("id").asText());
            }
        }
        return idle;
    }

    public static boolean holds(JsonNode user, String skuId) {
        for (JsonNode a : user.get("assignments")) {
            if (a.get("skuId").asText().equals(skuId) && !"Error".equals(a.get("state").asText())) {
                return true;
            }
        }
        return false;
    }

    public static LocalDate date(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : LocalDate.parse(n.asText());
    }
}
