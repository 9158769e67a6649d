package io.m365insights.savings;

import io.agroal.api.AgroalDataSource;
import io.m365insights.activity.ActivityRules;
import io.m365insights.activity.ActivitySignal;
import io.m365insights.activity.IdleSeats;
import io.m365insights.automation.Exemption;
import io.m365insights.automation.OffboardingPolicy;
import io.m365insights.config.M365Config;
import io.m365insights.db.Jdbc;
import io.m365insights.licenses.EffectiveAssignment;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.PriceBook;
import io.m365insights.licenses.ServicePlanEntity;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.licenses.SubscriptionQueries;
import io.m365insights.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What to do about the seats (PRODUCT.md, "The money"), each recommendation with the rule that made it, its evidence in
 * words, a confidence and the monthly saving in the SKU's own currency. Nothing here acts: acting is the audited
 * mutations. The offboarding exemptions apply: an exempt user or SKU gets no recommendation, and the result counts what
 * they withheld.
 *
 * <ul>
 *   <li>{@code RECLAIM_IDLE_SEAT} / {@code RECLAIM_COPILOT_SEAT}: an idle seat by the seat decision ({@link IdleSeats});
 *       Copilot when the SKU's plans make it a Copilot seat. Review-only when the decision was.</li>
 *   <li>{@code DOWNGRADE_WEB_AND_MOBILE_ONLY}: a seat of a full suite (a SKU with the desktop Office apps,
 *       {@code OFFICESUBSCRIPTION}) whose holder, on every day of the window the app × platform ledger shows them
 *       active, used the apps only on mobile or the web; the target is a SKU the tenant subscribes to with Office for
 *       the web ({@code SHAREPOINTWAC}) and no desktop apps, that keeps the suite's mail, sites and Teams, the cheapest
 *       in the suite's currency. Needs named reports: absent while names are concealed.</li>
 *   <li>{@code REMOVE_OVERLAPPING}: a user holds two SKUs and every plan one of them enables is enabled by the other
 *       (by plan name: plan ids differ between bundles); the covered one can go.</li>
 *   <li>{@code REDUCE_AT_RENEWAL}: seats bought and not assigned, reducible at the subscription's next renewal
 *       (trials are left out: they cost nothing).</li>
 * </ul>
 */
@ApplicationScoped
public class Recommendations {
    /** The desktop Office apps (Microsoft 365 Apps for enterprise): what makes a full suite. */
    static final String DESKTOP_APPS = "OFFICESUBSCRIPTION";
    /** Office for the web. */
    static final String WEB_APPS = "SHAREPOINTWAC";
    /** A downgrade's evidence is strong with at least this many active days in the window. */
    static final int DOWNGRADE_HIGH_CONFIDENCE_DAYS = 5;

    public enum Kind { RECLAIM_IDLE_SEAT, RECLAIM_COPILOT_SEAT, DOWNGRADE_WEB_AND_MOBILE_ONLY, REMOVE_OVERLAPPING,
        REDUCE_AT_RENEWAL }

    public enum Confidence { HIGH, MEDIUM, LOW }

    /**
     * @param userId  null for REDUCE_AT_RENEWAL (a SKU's unassigned seats)
     * @param saving  monthly, in {@code price}'s currency; null when the SKU (or a downgrade's target) has no price
     * @param seats   how many seats it concerns (1 but for REDUCE_AT_RENEWAL)
     */
    public record Recommendation(Kind kind, UUID userId, UUID skuId, UUID targetSkuId, BigDecimal saving,
                                 String currency, Confidence confidence, String evidence, boolean reviewOnly, int seats,
                                 OffsetDateTime renewalAt) {
    }

    /** The recommendations, in a stable order, and how many the exemptions withheld. */
    public record Result(List<Recommendation> recommendations, int exempted) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LicenseQueries licenses;

    @Inject
    IdleSeats idleSeats;

    @Inject
    PriceBook prices;

    @Inject
    SubscriptionQueries subscriptions;

    @Inject
    UsageQueries usage;

    @Inject
    OffboardingPolicy policy;

    @Inject
    M365Config config;

    @Inject
    Clock clock;

    /** A user's effective seat of a SKU: one seat however many ways it is assigned (directly, through groups). */
    record Seat(UUID userId, String userPrincipalName, UUID skuId, boolean direct, Set<UUID> disabledPlans) {
    }

    public Result recommend(Set<Kind> kinds, int days) {
        if (days < 1 || days > IdleSeats.MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + IdleSeats.MAX_DAYS);
        }
        LocalDate today = LocalDate.now(clock);
        List<SkuEntity> skus = licenses.currentSkus();
        Map<UUID, SkuEntity> skuById = new LinkedHashMap<>();
        skus.forEach(s -> skuById.put(s.skuId, s));
        Map<UUID, List<ServicePlanEntity>> plans = licenses.servicePlans(skuById.keySet());
        Map<UUID, PriceBook.Price> price = prices.inForce(skus.stream()
                .map(s -> new PriceBook.Sku(s.skuId, s.skuPartNumber)).toList(), today);
        List<Exemption> exemptions = policy.exemptions().stream().filter(e -> e.activeOn(today)).toList();
        Map<UUID, String> upns = new HashMap<>();
        List<Seat> seats = kinds.contains(Kind.DOWNGRADE_WEB_AND_MOBILE_ONLY) || kinds.contains(Kind.REMOVE_OVERLAPPING)
                ? seats(skuById.keySet()) : List.of();
        seats.forEach(s -> upns.put(s.userId(), s.userPrincipalName()));

        List<Recommendation> all = new ArrayList<>();
        if (kinds.contains(Kind.RECLAIM_IDLE_SEAT) || kinds.contains(Kind.RECLAIM_COPILOT_SEAT)) {
            all.addAll(reclaim(kinds, days, skuById, plans, price));
        }
        if (kinds.contains(Kind.DOWNGRADE_WEB_AND_MOBILE_ONLY)) {
            all.addAll(downgrade(days, today, seats, skuById, plans, price));
        }
        if (kinds.contains(Kind.REMOVE_OVERLAPPING)) {
            all.addAll(overlapping(seats, skuById, plans, price));
        }
        if (kinds.contains(Kind.REDUCE_AT_RENEWAL)) {
            all.addAll(reduceAtRenewal(skuById, price));
        }
        if (all.stream().anyMatch(r -> r.userId() != null && !upns.containsKey(r.userId()))) {
            upns.putAll(userPrincipalNames(all.stream().map(Recommendation::userId).filter(Objects::nonNull)
                    .filter(id -> !upns.containsKey(id)).collect(Collectors.toSet())));
        }
        List<Recommendation> kept = new ArrayList<>();
        int exempted = 0;
        for (Recommendation r : all) {
            SkuEntity sku = skuById.get(r.skuId());
            boolean exempt = exemptions.stream().anyMatch(e -> e.matchesSku(sku.skuId, sku.skuPartNumber)
                    || (r.userId() != null && e.matchesUser(r.userId(), upns.get(r.userId()))));
            if (exempt) {
                exempted++;
            } else {
                kept.add(r);
            }
        }
        kept.sort(Comparator.comparing((Recommendation r) -> r.kind().ordinal())
                .thenComparing(r -> skuById.get(r.skuId()).skuPartNumber)
                .thenComparing(r -> r.userId() == null ? "" : r.userId().toString()));
        return new Result(List.copyOf(kept), exempted);
    }

    private List<Recommendation> reclaim(Set<Kind> kinds, int days, Map<UUID, SkuEntity> skus,
                                         Map<UUID, List<ServicePlanEntity>> plans, Map<UUID, PriceBook.Price> price) {
        Map<UUID, String> partNumbers = new LinkedHashMap<>();
        skus.values().forEach(s -> partNumbers.put(s.skuId, s.skuPartNumber));
        List<Recommendation> out = new ArrayList<>();
        idleSeats.seats(partNumbers, days).forEach((skuId, skuSeats) -> {
            boolean copilot = ActivityRules.isCopilot(planNames(plans.get(skuId)));
            Kind kind = copilot ? Kind.RECLAIM_COPILOT_SEAT : Kind.RECLAIM_IDLE_SEAT;
            PriceBook.Price p = price.get(skuId);
            if (!kinds.contains(kind) || isFree(p)) {
                return;
            }
            for (IdleSeats.Seat s : skuSeats.idle()) {
                boolean signInOnly = s.decidedBy().equals(List.of(ActivitySignal.SIGN_IN));
                Confidence confidence = !s.reviewOnly() ? Confidence.HIGH : signInOnly ? Confidence.LOW
                        : Confidence.MEDIUM;
                String evidence = "No activity in " + days + " days in " + signalNames(s.decidedBy())
                        + (s.lastActiveDate() == null ? " (none in the data held)" : " (last active "
                        + s.lastActiveDate() + ")") + "; " + evidenceWords(s.evidence())
                        + (s.assignedSince() == null ? "" : "; assigned " + (s.assignedSinceUpperBound()
                        ? "on or before " : "since ") + s.assignedSince()) + priceWords(p);
                out.add(new Recommendation(kind, s.userId(), skuId, null, p == null ? null : p.monthly(),
                        p == null ? null : p.currency(), confidence, evidence, s.reviewOnly(), 1, null));
            }
        });
        return out;
    }

    private List<Recommendation> downgrade(int days, LocalDate today, List<Seat> seats, Map<UUID, SkuEntity> skus,
                                           Map<UUID, List<ServicePlanEntity>> plans, Map<UUID, PriceBook.Price> price) {
        Set<UUID> suites = new HashSet<>();
        List<SkuEntity> webSkus = new ArrayList<>();
        for (SkuEntity s : skus.values()) {
            Set<String> names = planNames(plans.get(s.skuId));
            if (names.contains(DESKTOP_APPS)) {
                suites.add(s.skuId);
            } else if (names.contains(WEB_APPS) && s.enabledUnits > 0 && !"Suspended".equals(s.capabilityStatus)) {
                webSkus.add(s);
            }
        }
        List<Seat> suiteSeats = seats.stream().filter(s -> suites.contains(s.skuId())).toList();
        if (suiteSeats.isEmpty() || webSkus.isEmpty()) {
            return List.of();
        }
        LocalDate to = today.minusDays(config.usage().delayDays());
        LocalDate from = to.minusDays(days - 1L);
        int held = usage.reportDays(from, to).size();
        Set<LocalDate> concealed = usage.concealedDays(from, to);
        Map<UUID, UsageQueries.PlatformDays> platformDays = usage.platformDays(
                suiteSeats.stream().map(Seat::userId).collect(Collectors.toSet()), from, to);
        List<Recommendation> out = new ArrayList<>();
        for (Seat seat : suiteSeats) {
            UsageQueries.PlatformDays d = platformDays.get(seat.userId());
            if (d == null || d.activeDays() == 0 || d.desktopDays() > 0) {
                continue;
            }
            SkuEntity suite = skus.get(seat.skuId());
            PriceBook.Price suitePrice = price.get(suite.skuId);
            SkuEntity target = downgradeTarget(suite, webSkus, plans, price);
            if (target == null) {
                continue;
            }
            PriceBook.Price targetPrice = price.get(target.skuId);
            BigDecimal saving = suitePrice != null && targetPrice != null
                    && suitePrice.currency().equals(targetPrice.currency())
                    ? suitePrice.monthly().subtract(targetPrice.monthly()) : null;
            if (saving != null && saving.signum() <= 0) {
                continue;
            }
            boolean incomplete = held < days || !concealed.isEmpty();
            String evidence = "Active on " + d.activeDays() + " of the " + days + " days " + from + " to " + to
                    + ", only on mobile or the web (no Windows or Mac use of Outlook, Word, Excel, PowerPoint, "
                    + "OneNote or Teams); " + held + " of " + days + " days held"
                    + (concealed.isEmpty() ? "" : ", " + concealed.size() + " with names concealed")
                    + "; " + target.skuPartNumber + " has the web and mobile apps"
                    + (saving == null ? "; no saving computed: " + (suitePrice == null || targetPrice == null
                    ? "a price is missing" : "the prices are in different currencies") : "");
            out.add(new Recommendation(Kind.DOWNGRADE_WEB_AND_MOBILE_ONLY, seat.userId(), suite.skuId, target.skuId,
                    saving, saving == null ? null : suitePrice.currency(),
                    !incomplete && d.activeDays() >= DOWNGRADE_HIGH_CONFIDENCE_DAYS ? Confidence.HIGH : Confidence.MEDIUM,
                    evidence, incomplete, 1, null));
        }
        return out;
    }

    /** The web/mobile SKU a suite can become: keeps its mail, sites and Teams; the cheapest in the suite's currency. */
    private static SkuEntity downgradeTarget(SkuEntity suite, List<SkuEntity> webSkus,
                                             Map<UUID, List<ServicePlanEntity>> plans, Map<UUID, PriceBook.Price> price) {
        Set<String> needs = workloads(planNames(plans.get(suite.skuId)));
        PriceBook.Price suitePrice = price.get(suite.skuId);
        return webSkus.stream().filter(w -> workloads(planNames(plans.get(w.skuId))).containsAll(needs))
                .min(Comparator.comparing((SkuEntity w) -> {
                    PriceBook.Price p = price.get(w.skuId);
                    return p == null || suitePrice == null || !p.currency().equals(suitePrice.currency())
                            ? null : p.monthly();
                }, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(w -> w.skuPartNumber)).orElse(null);
    }

    /** The workload families a SKU's plans grant: mail, sites (SharePoint and OneDrive), Teams. */
    private static Set<String> workloads(Set<String> planNames) {
        Set<String> out = new TreeSet<>();
        for (String p : planNames) {
            if (p.startsWith("EXCHANGE_S_")) {
                out.add("mail");
            } else if (p.startsWith("SHAREPOINTSTANDARD") || p.startsWith("SHAREPOINTENTERPRISE")) {
                out.add("sites");
            } else if (p.equals("TEAMS1")) {
                out.add("teams");
            }
        }
        return out;
    }

    private List<Recommendation> overlapping(List<Seat> seats, Map<UUID, SkuEntity> skus,
                                             Map<UUID, List<ServicePlanEntity>> plans, Map<UUID, PriceBook.Price> price) {
        Map<UUID, List<Seat>> byUser = new LinkedHashMap<>();
        seats.forEach(s -> byUser.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s));
        List<Recommendation> out = new ArrayList<>();
        byUser.forEach((user, held) -> {
            if (held.size() < 2) {
                return;
            }
            Map<UUID, Set<String>> enabled = new HashMap<>();
            held.forEach(s -> enabled.put(s.skuId(), enabledPlans(plans.get(s.skuId()), s.disabledPlans())));
            for (Seat covered : held) {
                Set<String> mine = enabled.get(covered.skuId());
                if (mine.isEmpty()) {
                    continue;
                }
                Seat by = held.stream().filter(o -> o != covered && enabled.get(o.skuId()).containsAll(mine))
                        .filter(o -> !mine.containsAll(enabled.get(o.skuId()))
                                || keepsInstead(o, covered, skus, price))
                        .min(Comparator.comparing(o -> skus.get(o.skuId()).skuPartNumber)).orElse(null);
                if (by == null) {
                    continue;
                }
                PriceBook.Price p = price.get(covered.skuId());
                if (isFree(p)) {
                    continue;
                }
                SkuEntity sku = skus.get(covered.skuId());
                String evidence = "Every service plan " + sku.skuPartNumber + " enables for this user ("
                        + String.join(", ", new TreeSet<>(mine)) + ") is also enabled by "
                        + skus.get(by.skuId()).skuPartNumber + ", which the user holds"
                        + (covered.direct() ? "" : "; " + sku.skuPartNumber + " comes through a group: remove the user "
                        + "from that group") + priceWords(p);
                out.add(new Recommendation(Kind.REMOVE_OVERLAPPING, user, covered.skuId(), by.skuId(),
                        p == null ? null : p.monthly(), p == null ? null : p.currency(),
                        covered.direct() ? Confidence.HIGH : Confidence.MEDIUM, evidence, false, 1, null));
            }
        });
        return out;
    }

    /** Of two SKUs that enable the same plans, the dearer (else the later part number) is the one to remove. */
    private static boolean keepsInstead(Seat keep, Seat remove, Map<UUID, SkuEntity> skus,
                                        Map<UUID, PriceBook.Price> price) {
        PriceBook.Price k = price.get(keep.skuId());
        PriceBook.Price r = price.get(remove.skuId());
        if (k != null && r != null && k.currency().equals(r.currency()) && k.monthly().compareTo(r.monthly()) != 0) {
            return r.monthly().compareTo(k.monthly()) > 0;
        }
        return skus.get(remove.skuId()).skuPartNumber.compareTo(skus.get(keep.skuId()).skuPartNumber) > 0;
    }

    private List<Recommendation> reduceAtRenewal(Map<UUID, SkuEntity> skus, Map<UUID, PriceBook.Price> price) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, List<SubscriptionQueries.Subscription>> subs = subscriptions.bySku(skus.keySet());
        List<Recommendation> out = new ArrayList<>();
        for (SkuEntity s : skus.values()) {
            int unassigned = Math.max(0, s.enabledUnits - s.consumedUnits);
            PriceBook.Price p = price.get(s.skuId);
            List<SubscriptionQueries.Subscription> mine = subs.getOrDefault(s.skuId, List.of());
            if (unassigned == 0 || isFree(p) || (!mine.isEmpty() && mine.stream().allMatch(
                    SubscriptionQueries.Subscription::trial))) {
                continue;
            }
            OffsetDateTime renewal = mine.stream().filter(x -> !x.trial())
                    .map(SubscriptionQueries.Subscription::nextLifecycleAt)
                    .filter(d -> d != null && !d.isBefore(now)).min(OffsetDateTime::compareTo).orElse(null);
            String evidence = unassigned + " of the " + s.enabledUnits + " seats bought are not assigned; "
                    + (renewal == null ? "the renewal date is not known (no subscription with a future date synced)"
                    : "the subscription renews on " + renewal.toLocalDate() + ": reduce the seat count before then")
                    + priceWords(p);
            out.add(new Recommendation(Kind.REDUCE_AT_RENEWAL, null, s.skuId, null,
                    p == null ? null : p.monthly().multiply(BigDecimal.valueOf(unassigned)),
                    p == null ? null : p.currency(), renewal == null ? Confidence.MEDIUM : Confidence.HIGH, evidence,
                    false, unassigned, renewal));
        }
        return out;
    }

    /**
     * Every user's effective seats of these SKUs (a failed assignment holds none), in one statement. A seat assigned
     * several ways enables a plan when any of its assignments does.
     */
    private List<Seat> seats(Collection<UUID> skuIds) {
        if (skuIds.isEmpty()) {
            return List.of();
        }
        Map<List<UUID>, Seat> seats = new LinkedHashMap<>();
        Jdbc.withConnection(dataSource, "read the license assignments", c -> Jdbc.query(c, """
                select la.user_id, u.user_principal_name, la.sku_id, la.assigned_by_group_id is null,
                       la.disabled_plan_ids
                from license_assignment la join directory_user u on u.id = la.user_id and u.deleted_at is null
                where la.sku_id = any (?) and %s
                order by la.user_id, la.sku_id""".formatted(EffectiveAssignment.condition("la.state")), rs -> {
            Seat one = new Seat(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                    rs.getBoolean(4), new HashSet<>(List.of((UUID[]) rs.getArray(5).getArray())));
            seats.merge(List.of(one.userId(), one.skuId()), one, (a, b) -> {
                Set<UUID> disabled = new HashSet<>(a.disabledPlans());
                disabled.retainAll(b.disabledPlans());
                return new Seat(a.userId(), a.userPrincipalName(), a.skuId(), a.direct() || b.direct(), disabled);
            });
            return one;
        }, (Object) skuIds.toArray(UUID[]::new)));
        return List.copyOf(seats.values());
    }

    private Map<UUID, String> userPrincipalNames(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> out = new HashMap<>();
        Jdbc.withConnection(dataSource, "read the users", c -> Jdbc.query(c,
                "select id, user_principal_name from directory_user where id = any (?)",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getString(2)), (Object) ids.toArray(UUID[]::new)));
        return out;
    }

    private static Set<String> enabledPlans(List<ServicePlanEntity> plans, Set<UUID> disabled) {
        Set<String> out = new TreeSet<>();
        if (plans != null) {
            plans.stream().filter(p -> !disabled.contains(p.key.servicePlanId()))
                    .forEach(p -> out.add(p.servicePlanName.toUpperCase(Locale.ROOT)));
        }
        return out;
    }

    private static Set<String> planNames(List<ServicePlanEntity> plans) {
        return plans == null ? Set.of() : plans.stream().map(p -> p.servicePlanName.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** A SKU priced at zero: nothing to save. */
    private static boolean isFree(PriceBook.Price p) {
        return p != null && p.amount().signum() == 0;
    }

    private static String priceWords(PriceBook.Price p) {
        return p == null ? "; no price is set for this license, so no saving is given" : "";
    }

    private static String signalNames(List<ActivitySignal> signals) {
        return signals.isEmpty() ? "no signal" : signals.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String evidenceWords(List<IdleSeats.Evidence> evidence) {
        return evidence.stream().map(e -> e.signal() + ": " + (!e.available() ? "unknown (" + e.detail() + ")"
                : e.lastActiveDate() == null ? "no activity held" : "last " + e.lastActiveDate()))
                .collect(Collectors.joining(", "));
    }

    /** Every kind. */
    public static Set<Kind> allKinds() {
        return EnumSet.allOf(Kind.class);
    }
}
