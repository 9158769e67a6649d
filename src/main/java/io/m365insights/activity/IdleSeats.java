package io.m365insights.activity;

import io.m365insights.config.M365Config;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.ServicePlanEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The seat decision (PRODUCT.md, "Activity signals"): a seat is idle when its holder shows no activity, in any
 * available signal of the SKU's rule, after {@code today - M365_USAGE_DELAY_DAYS - days} (the latest day reports
 * cover, minus the window). A signal that cannot be told (permission, Entra ID P1, concealed names, not synced yet)
 * is unknown, never inactive: the decision rests on the rule's available signals, and says so ({@code reviewOnly})
 * when some are missing. When none of the rule's signals is available, the last sign-in decides, flagged review-only
 * (a sign-in never proves use of a paid workload); with no sign-ins either, the seat is undetermined, never idle.
 * Seats assigned within {@code M365_NEW_SEAT_GRACE_DAYS} are not idle: the assignment date is the earliest license
 * assign date the active user detail report gives for the rule's services, else the assignment's
 * {@code lastUpdatedDateTime} (an upper bound on its age, said in the seat) — never the day we first saw the seat.
 */
@ApplicationScoped
public class IdleSeats {
    public static final int MAX_DAYS = 3650;
    /** The window when none is given: GraphQL's default, and the one the reporting views are decided for. */
    public static final int DEFAULT_DAYS = 30;
    private static final List<ActivitySignal> REPORT_SERVICES = List.of(ActivitySignal.EXCHANGE,
            ActivitySignal.ONEDRIVE, ActivitySignal.SHAREPOINT, ActivitySignal.TEAMS);

    @Inject
    SignalQueries signals;

    @Inject
    LicenseQueries licenses;

    @Inject
    ActivityRules rules;

    @Inject
    M365Config config;

    @Inject
    Clock clock;

    public enum Verdict { IDLE, ACTIVE, NEW_SEAT, UNDETERMINED }

    public record Evidence(ActivitySignal signal, LocalDate lastActiveDate, boolean available, String detail) {
    }

    public record Seat(UUID skuId, UUID userId, Verdict verdict, LocalDate lastActiveDate, LocalDate assignedSince,
                       boolean assignedSinceUpperBound, List<ActivitySignal> decidedBy, boolean reviewOnly,
                       List<Evidence> evidence) {
        /** The deciding signals, flat: {@code APPS;EXCHANGE} (the CSV export's and reporting view's decided_by). */
        public String decidedByText() {
            return decidedBy.stream().map(Enum::name).collect(Collectors.joining(";"));
        }

        /**
         * The evidence, flat: {@code SIGNAL=YYYY-MM-DD}, {@code SIGNAL=never} or {@code SIGNAL=unavailable} for each
         * signal, {@code ;}-separated (the CSV export's and reporting view's evidence).
         */
        public String evidenceText() {
            return evidence.stream().map(e -> e.signal().name() + "=" + (!e.available() ? "unavailable"
                    : e.lastActiveDate() == null ? "never" : e.lastActiveDate().toString()))
                    .collect(Collectors.joining(";"));
        }
    }

    /** Every seat of a SKU with its verdict, ordered by user id. */
    public record SkuSeats(UUID skuId, List<ActivitySignal> rule, List<Seat> seats) {
        public List<Seat> idle() {
            return seats.stream().filter(s -> s.verdict() == Verdict.IDLE).toList();
        }

        public int undetermined() {
            return (int) seats.stream().filter(s -> s.verdict() == Verdict.UNDETERMINED).count();
        }
    }

    /** The rules of these SKUs (part numbers by skuId; the plans are read in one statement). */
    public Map<UUID, List<ActivitySignal>> rules(Map<UUID, String> partNumbers) {
        Map<UUID, List<ServicePlanEntity>> plans = licenses.servicePlans(partNumbers.keySet());
        Map<UUID, List<ActivitySignal>> out = new LinkedHashMap<>();
        partNumbers.forEach((sku, part) -> out.put(sku, rules.rule(part, plans.getOrDefault(sku, List.of()).stream()
                .map(p -> p.servicePlanName).toList())));
        return out;
    }

    /** The seats of these SKUs, decided for a window of {@code days}; three statements whatever the number of seats. */
    public Map<UUID, SkuSeats> seats(Map<UUID, String> partNumbers, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
        }
        Map<UUID, List<ActivitySignal>> skuRules = rules(partNumbers);
        Map<ActivitySignal, SignalFacts.Availability> availability = signals.availability();
        LocalDate today = LocalDate.now(clock);
        LocalDate cutoff = today.minusDays(config.usage().delayDays()).minusDays(days);
        LocalDate graceFrom = today.minusDays(config.newSeatGraceDays());
        Map<UUID, List<Seat>> bySku = new HashMap<>();
        for (SignalQueries.Holder h : signals.holders(skuRules.keySet())) {
            bySku.computeIfAbsent(h.skuId(), k -> new ArrayList<>()).add(decide(h.skuId(), h.userId(),
                    skuRules.get(h.skuId()), h.facts(), h.lastUpdated(), availability, cutoff, graceFrom));
        }
        Map<UUID, SkuSeats> out = new LinkedHashMap<>();
        skuRules.forEach((sku, rule) -> out.put(sku, new SkuSeats(sku, rule, bySku.getOrDefault(sku, List.of()))));
        return out;
    }

    static Seat decide(UUID sku, UUID user, List<ActivitySignal> rule, SignalFacts facts, OffsetDateTime lastUpdated,
                       Map<ActivitySignal, SignalFacts.Availability> availability, LocalDate cutoff, LocalDate graceFrom) {
        List<ActivitySignal> workloads = rule.stream().filter(s -> s != ActivitySignal.SIGN_IN).toList();
        List<ActivitySignal> available = workloads.stream().filter(s -> availability.get(s).available()).toList();
        List<Evidence> evidence = new ArrayList<>();
        for (ActivitySignal s : workloads) {
            evidence.add(evidence(s, facts, availability.get(s), null));
        }
        List<ActivitySignal> decidedBy;
        boolean reviewOnly;
        LocalDate last = null;
        SignalFacts.Availability signIn = availability.get(ActivitySignal.SIGN_IN);
        if (!available.isEmpty()) {
            decidedBy = available;
            reviewOnly = available.size() < workloads.size();
            for (ActivitySignal s : available) {
                LocalDate d = facts.lastActive().get(s);
                if (d != null && (last == null || d.isAfter(last))) {
                    last = d;
                }
            }
            if (rule.contains(ActivitySignal.SIGN_IN)) {
                evidence.add(evidence(ActivitySignal.SIGN_IN, facts, signIn, "not used: this SKU's workload "
                        + "signals decide (a sign-in does not prove use of a paid workload)"));
            }
        } else if (signIn.available()) {
            decidedBy = List.of(ActivitySignal.SIGN_IN);
            reviewOnly = true;
            last = facts.lastActive().get(ActivitySignal.SIGN_IN);
            evidence.add(evidence(ActivitySignal.SIGN_IN, facts, signIn, workloads.isEmpty()
                    ? "the only signal of this SKU: a sign-in shows the account is used, not that this paid "
                    + "product is; review before reclaiming"
                    : "used because none of this SKU's signals is available: a sign-in does not prove use of its "
                    + "workloads; review before reclaiming"));
        } else {
            decidedBy = List.of();
            reviewOnly = true;
            evidence.add(evidence(ActivitySignal.SIGN_IN, facts, signIn, null));
        }
        LocalDate assigned = null;
        for (ActivitySignal s : workloads) {
            LocalDate d = REPORT_SERVICES.contains(s) ? facts.assigned().get(s) : null;
            if (d != null && (assigned == null || d.isBefore(assigned))) {
                assigned = d;
            }
        }
        boolean upperBound = false;
        if (assigned == null && lastUpdated != null) {
            assigned = LocalDate.ofInstant(lastUpdated.toInstant(), ZoneOffset.UTC);
            upperBound = true;
        }
        Verdict verdict;
        if (assigned != null && assigned.isAfter(graceFrom)) {
            verdict = Verdict.NEW_SEAT;
        } else if (decidedBy.isEmpty()) {
            verdict = Verdict.UNDETERMINED;
        } else {
            verdict = last == null || !last.isAfter(cutoff) ? Verdict.IDLE : Verdict.ACTIVE;
        }
        return new Seat(sku, user, verdict, last, assigned, upperBound, decidedBy, reviewOnly, List.copyOf(evidence));
    }

    private static Evidence evidence(ActivitySignal s, SignalFacts facts, SignalFacts.Availability a, String note) {
        if (!a.available()) {
            return new Evidence(s, null, false, a.detail());
        }
        LocalDate d = facts.lastActive().get(s);
        String detail = note != null ? note : d == null ? "no activity in the data held" : a.detail();
        return new Evidence(s, d, true, detail);
    }

    /** Per user, every signal with its last active date, or why it is unknown. */
    public Map<UUID, List<Evidence>> userSignals(Collection<UUID> userIds) {
        Map<UUID, SignalFacts> facts = signals.forUsers(userIds);
        Map<ActivitySignal, SignalFacts.Availability> availability = signals.availability();
        Map<UUID, List<Evidence>> out = new HashMap<>();
        for (UUID id : userIds) {
            SignalFacts f = facts.getOrDefault(id, SignalFacts.NONE);
            List<Evidence> list = new ArrayList<>();
            for (ActivitySignal s : ActivitySignal.values()) {
                list.add(evidence(s, f, availability.get(s), null));
            }
            out.put(id, list);
        }
        return out;
    }

    public Map<ActivitySignal, SignalFacts.Availability> availability() {
        return signals.availability();
    }
}
