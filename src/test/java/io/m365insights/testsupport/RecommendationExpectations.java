package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recommendations PRODUCT.md's rules give, computed independently from the simulator's raw data (its tenant, its
 * Apps report rows, its subscriptions; idle seats from {@link IdleSeatExpectations}) and the prices a test set. Each
 * expected recommendation is a line {@code KIND sku user target saving currency} (user/target "-" when none), so a
 * test compares sets and a difference reads plainly.
 */
public final class RecommendationExpectations {
    /** A price a test set: amount, ISO currency, MONTHLY or ANNUAL. */
    public record Price(String amount, String currency, String period) {
        public BigDecimal monthly() {
            BigDecimal a = new BigDecimal(amount);
            return period.equals("ANNUAL") ? a.divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_EVEN) : a;
        }
    }

    private final SimulatorClient simulator;
    private final IdleSeatExpectations idle;
    private final LocalDate today;
    private final Map<String, Price> prices;
    private final Map<String, JsonNode> skus = new HashMap<>();
    private final Map<String, Set<String>> plans = new HashMap<>();

    public RecommendationExpectations(SimulatorClient simulator, LocalDate today, Map<String, Price> prices) {
        this.simulator = simulator;
        this.today = today;
        this.prices = prices;
        this.idle = new IdleSeatExpectations(simulator, today);
        for (JsonNode s : idle.tenant().get("skus")) {
            String id = s.get("skuId").asText();
            skus.put(id, s);
            Set<String> names = new HashSet<>();
            s.get("servicePlans").forEach(p -> names.add(p.get("servicePlanName").asText()));
            plans.put(id, names);
        }
    }

    public IdleSeatExpectations idle() {
        return idle;
    }

    public String partNumber(String skuId) {
        return skus.get(skuId).get("skuPartNumber").asText();
    }

    private boolean free(String sku) {
        return prices.containsKey(sku) && prices.get(sku).monthly().signum() == 0;
    }

    private String line(String kind, String sku, String user, String target, BigDecimal saving) {
        Price p = prices.get(sku);
        return kind + " " + partNumber(sku) + " " + (user == null ? "-" : user) + " "
                + (target == null ? "-" : partNumber(target)) + " "
                + (saving == null ? "-" : saving.stripTrailingZeros().toPlainString() + " " + p.currency());
    }

    /** RECLAIM_IDLE_SEAT and RECLAIM_COPILOT_SEAT: every idle seat of a SKU not priced at zero. */
    public Set<String> reclaim(int days) {
        Set<String> out = new TreeSet<>();
        for (String sku : skus.keySet()) {
            if (free(sku)) {
                continue;
            }
            boolean copilot = plans.get(sku).stream().anyMatch(p -> p.startsWith("M365_COPILOT"));
            Price p = prices.get(sku);
            for (String user : idle.expectedIdle(sku, days, true)) {
                out.add(line(copilot ? "RECLAIM_COPILOT_SEAT" : "RECLAIM_IDLE_SEAT", sku, user, null,
                        p == null ? null : p.monthly()));
            }
        }
        return out;
    }

    /**
     * DOWNGRADE_WEB_AND_MOBILE_ONLY: holders of a SKU with the desktop apps (OFFICESUBSCRIPTION) active on at least one
     * day of the window in the Apps report and never on Windows or Mac, to the web/mobile SKU (SHAREPOINTWAC, no
     * desktop apps, seats bought) with mail, sites and Teams; the saving the difference of the two monthly prices.
     */
    public Set<String> downgrade(int days) {
        String target = null;
        for (var e : skus.entrySet()) {
            Set<String> p = e.getValue() == null ? Set.of() : plans.get(e.getKey());
            if (p.contains("SHAREPOINTWAC") && !p.contains("OFFICESUBSCRIPTION") && e.getValue().get("enabled").asInt() > 0
                    && p.stream().anyMatch(x -> x.startsWith("EXCHANGE_S_")) && p.contains("TEAMS1")) {
                target = e.getKey();
            }
        }
        if (target == null) {
            throw new AssertionError("the simulated tenant has no web and mobile SKU");
        }
        LocalDate to = today.minusDays(2);
        LocalDate from = to.minusDays(days - 1L);
        Map<String, int[]> byUpn = new HashMap<>(); // active days, desktop days
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.isBefore(to.minusDays(27))) {
                continue; // beyond the 28 days Microsoft serves
            }
            for (JsonNode row : simulator.usage(d).get("rows")) {
                long flags = row.get("flags").asLong();
                if ((flags & 0b111111) == 0) {
                    continue;
                }
                int[] c = byUpn.computeIfAbsent(row.get("upn").asText().toLowerCase(), k -> new int[2]);
                c[0]++;
                if ((flags & (0b11L << 6)) != 0) {
                    c[1]++;
                }
            }
        }
        Set<String> out = new TreeSet<>();
        for (JsonNode u : idle.tenant().get("users")) {
            int[] c = byUpn.get(u.get("userPrincipalName").asText().toLowerCase());
            if (c == null || c[1] > 0) {
                continue;
            }
            for (String sku : heldSkus(u)) {
                if (!plans.get(sku).contains("OFFICESUBSCRIPTION")) {
                    continue;
                }
                Price from$ = prices.get(sku);
                Price to$ = prices.get(target);
                BigDecimal saving = from$ != null && to$ != null && from$.currency().equals(to$.currency())
                        ? from$.monthly().subtract(to$.monthly()) : null;
                if (saving == null || saving.signum() > 0) {
                    out.add(line("DOWNGRADE_WEB_AND_MOBILE_ONLY", sku, u.get("id").asText(), target, saving));
                }
            }
        }
        return out;
    }

    /** REMOVE_OVERLAPPING: a held SKU whose enabled plans (by name) another held SKU's enabled plans include. */
    public Set<String> overlapping() {
        Set<String> out = new TreeSet<>();
        for (JsonNode u : idle.tenant().get("users")) {
            Map<String, Set<String>> enabled = new HashMap<>();
            for (String sku : heldSkus(u)) {
                enabled.put(sku, enabledPlans(u, sku));
            }
            for (var covered : enabled.entrySet()) {
                if (covered.getValue().isEmpty() || free(covered.getKey())) {
                    continue;
                }
                String by = null;
                for (var other : enabled.entrySet()) {
                    if (other.getKey().equals(covered.getKey()) || !other.getValue().containsAll(covered.getValue())) {
                        continue;
                    }
                    if (covered.getValue().containsAll(other.getValue())) {
                        throw new AssertionError("two SKUs with the same plans: extend the oracle's tie-break");
                    }
                    if (by == null || partNumber(other.getKey()).compareTo(partNumber(by)) < 0) {
                        by = other.getKey();
                    }
                }
                if (by != null) {
                    Price p = prices.get(covered.getKey());
                    out.add(line("REMOVE_OVERLAPPING", covered.getKey(), u.get("id").asText(), by,
                            p == null ? null : p.monthly()));
                }
            }
        }
        return out;
    }

    /** REDUCE_AT_RENEWAL: SKUs with seats bought and not assigned, not only on trial, not priced at zero. */
    public Set<String> reduceAtRenewal() {
        Map<String, List<JsonNode>> subs = new HashMap<>();
        simulator.send("GET", "/_simulator/subscriptions", null).get("subscriptions")
                .forEach(s -> subs.computeIfAbsent(s.get("skuId").asText(), k -> new ArrayList<>()).add(s));
        Set<String> out = new TreeSet<>();
        for (var e : skus.entrySet()) {
            int unassigned = Math.max(0, e.getValue().get("enabled").asInt() - e.getValue().get("consumed").asInt());
            List<JsonNode> mine = subs.getOrDefault(e.getKey(), List.of());
            boolean trialsOnly = !mine.isEmpty() && mine.stream().allMatch(s -> s.get("isTrial").asBoolean());
            if (unassigned == 0 || free(e.getKey()) || trialsOnly) {
                continue;
            }
            Price p = prices.get(e.getKey());
            out.add(line("REDUCE_AT_RENEWAL", e.getKey(), null, null,
                    p == null ? null : p.monthly().multiply(BigDecimal.valueOf(unassigned))));
        }
        return out;
    }

    /** The soonest future renewal of a SKU's paid subscriptions; null when none. */
    public Instant renewal(String skuId, Instant now) {
        Instant best = null;
        for (JsonNode s : simulator.send("GET", "/_simulator/subscriptions", null).get("subscriptions")) {
            if (s.get("skuId").asText().equals(skuId) && !s.get("isTrial").asBoolean()) {
                Instant next = Instant.parse(s.get("nextLifecycleDateTime").asText());
                if (!next.isBefore(now) && (best == null || next.isBefore(best))) {
                    best = next;
                }
            }
        }
        return best;
    }

    /** Everything, every kind. */
    public Set<String> all(int days) {
        Set<String> out = new TreeSet<>(reclaim(days));
        out.addAll(downgrade(days));
        out.addAll(overlapping());
        out.addAll(reduceAtRenewal());
        return out;
    }

    private static Set<String> heldSkus(JsonNode user) {
        Set<String> out = new TreeSet<>();
        for (JsonNode a : user.get("assignments")) {
            if (!"Error".equals(a.get("state").asText())) {
                out.add(a.get("skuId").asText());
            }
        }
        return out;
    }

    /** A plan is enabled for the user when any of their counted assignments of the SKU leaves it on. */
    private Set<String> enabledPlans(JsonNode user, String sku) {
        Set<String> out = new TreeSet<>();
        JsonNode raw = skus.get(sku);
        for (JsonNode a : user.get("assignments")) {
            if (!a.get("skuId").asText().equals(sku) || "Error".equals(a.get("state").asText())) {
                continue;
            }
            Set<String> disabled = new HashSet<>();
            a.get("disabledPlans").forEach(p -> disabled.add(p.asText()));
            for (JsonNode p : raw.get("servicePlans")) {
                if (!disabled.contains(p.get("servicePlanId").asText())) {
                    out.add(p.get("servicePlanName").asText());
                }
            }
        }
        return out;
    }
}
