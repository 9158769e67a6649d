package io.m365insights.activity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.m365insights.activity.ActivitySignal.APPS;
import static io.m365insights.activity.ActivitySignal.COPILOT;
import static io.m365insights.activity.ActivitySignal.EXCHANGE;
import static io.m365insights.activity.ActivitySignal.ONEDRIVE;
import static io.m365insights.activity.ActivitySignal.SHAREPOINT;
import static io.m365insights.activity.ActivitySignal.SIGN_IN;
import static io.m365insights.activity.ActivitySignal.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decision on one seat, and the rules from service plans, as pure functions. */
class IdleSeatDecisionTest {
    private static final LocalDate CUTOFF = LocalDate.of(2026, 12, 1);
    private static final LocalDate GRACE_FROM = LocalDate.of(2026, 12, 4);
    private static final List<ActivitySignal> SUITE = List.of(APPS, EXCHANGE, ONEDRIVE, SHAREPOINT, TEAMS);
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static Map<ActivitySignal, SignalFacts.Availability> available(ActivitySignal... unavailable) {
        Map<ActivitySignal, SignalFacts.Availability> m = new EnumMap<>(ActivitySignal.class);
        for (ActivitySignal s : ActivitySignal.values()) {
            m.put(s, new SignalFacts.Availability(true, null, false, LONG_AGO));
        }
        for (ActivitySignal s : unavailable) {
            m.put(s, new SignalFacts.Availability(false, "because " + s, false, null));
        }
        return m;
    }

    private static SignalFacts facts(Map<ActivitySignal, LocalDate> last, Map<ActivitySignal, LocalDate> assigned) {
        Map<ActivitySignal, LocalDate> l = new EnumMap<>(ActivitySignal.class);
        l.putAll(last);
        Map<ActivitySignal, LocalDate> a = new EnumMap<>(ActivitySignal.class);
        a.putAll(assigned);
        return new SignalFacts(l, a);
    }

    private static IdleSeats.Seat decide(List<ActivitySignal> rule, SignalFacts f,
                                         Map<ActivitySignal, SignalFacts.Availability> a) {
        return IdleSeats.decide(UUID.randomUUID(), UUID.randomUUID(), rule, f, LONG_AGO, a, CUTOFF, GRACE_FROM);
    }

    @Test
    void mailAloneKeepsASuiteSeatActive() {
        IdleSeats.Seat s = decide(SUITE, facts(Map.of(EXCHANGE, CUTOFF.plusDays(3)), Map.of()), available());
        assertThat(s.verdict()).isEqualTo(IdleSeats.Verdict.ACTIVE);
        assertThat(s.decidedBy()).isEqualTo(SUITE);
        assertThat(s.reviewOnly()).isFalse();
        assertThat(s.lastActiveDate()).isEqualTo(CUTOFF.plusDays(3));
    }

    @Test
    void activityOnTheCutoffDayIsIdleAndAnUnknownSignalMakesItReviewOnly() {
        IdleSeats.Seat s = decide(SUITE, facts(Map.of(APPS, CUTOFF), Map.of()), available(TEAMS));
        assertThat(s.verdict()).isEqualTo(IdleSeats.Verdict.IDLE);
        assertThat(s.reviewOnly()).isTrue();
        assertThat(s.evidence()).filteredOn(e -> e.signal() == TEAMS).singleElement()
                .satisfies(e -> assertThat(e.available()).isFalse());
    }

    @Test
    void whenNoSignalOfTheRuleIsAvailableSignInsDecideFlaggedAndWithoutThemNothingIsIdle() {
        Map<ActivitySignal, SignalFacts.Availability> concealed = available(APPS, EXCHANGE, ONEDRIVE, SHAREPOINT, TEAMS,
                COPILOT);
        IdleSeats.Seat s = decide(SUITE, facts(Map.of(SIGN_IN, CUTOFF.minusDays(40)), Map.of()), concealed);
        assertThat(s.verdict()).isEqualTo(IdleSeats.Verdict.IDLE);
        assertThat(s.decidedBy()).containsExactly(SIGN_IN);
        assertThat(s.reviewOnly()).isTrue();
        assertThat(s.evidence()).last().satisfies(e -> assertThat(e.detail()).contains("does not prove use"));

        Map<ActivitySignal, SignalFacts.Availability> nothing = available(ActivitySignal.values());
        assertThat(decide(SUITE, facts(Map.of(), Map.of()), nothing).verdict())
                .isEqualTo(IdleSeats.Verdict.UNDETERMINED);
    }

    @Test
    void aSeatAssignedWithinTheGraceIsNew_fromTheReportOrAsAnUpperBound() {
        IdleSeats.Seat fromReport = decide(SUITE, facts(Map.of(), Map.of(EXCHANGE, GRACE_FROM.plusDays(1))), available());
        assertThat(fromReport.verdict()).isEqualTo(IdleSeats.Verdict.NEW_SEAT);
        assertThat(fromReport.assignedSinceUpperBound()).isFalse();

        OffsetDateTime recently = GRACE_FROM.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
        IdleSeats.Seat copilot = IdleSeats.decide(UUID.randomUUID(), UUID.randomUUID(), List.of(COPILOT),
                facts(Map.of(), Map.of()), recently, available(), CUTOFF, GRACE_FROM);
        assertThat(copilot.verdict()).isEqualTo(IdleSeats.Verdict.NEW_SEAT);
        assertThat(copilot.assignedSince()).isEqualTo(GRACE_FROM.plusDays(2));
        assertThat(copilot.assignedSinceUpperBound()).isTrue();

        IdleSeats.Seat old = decide(List.of(COPILOT), facts(Map.of(APPS, CUTOFF.plusDays(5)), Map.of()), available());
        assertThat(old.verdict()).as("Word every day, Copilot never").isEqualTo(IdleSeats.Verdict.IDLE);
    }

    @Test
    void rulesComeFromServicePlansByNameAndTheSettingOverridesThem() {
        assertThat(ActivityRules.defaults(List.of("M365_COPILOT_APPS", "M365_COPILOT_TEAMS"))).containsExactly(COPILOT);
        assertThat(ActivityRules.defaults(List.of("EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "OFFICESUBSCRIPTION",
                "TEAMS1", "SWAY"))).containsExactly(APPS, EXCHANGE, ONEDRIVE, SHAREPOINT, TEAMS);
        assertThat(ActivityRules.defaults(List.of("EXCHANGE_S_STANDARD"))).containsExactly(APPS, EXCHANGE);
        assertThat(ActivityRules.defaults(List.of("BI_AZURE_P2"))).containsExactly(SIGN_IN);
        assertThat(ActivityRules.parse("power_bi_pro=sign_in, SPE_E3=APPS+EXCHANGE+TEAMS"))
                .containsEntry("POWER_BI_PRO", List.of(SIGN_IN)).containsEntry("SPE_E3", List.of(APPS, EXCHANGE, TEAMS));
        assertThatThrownBy(() -> ActivityRules.parse("SPE_E3=APPS+MAILBOX")).hasMessageContaining("'SPE_E3=APPS+MAILBOX'")
                .hasMessageContaining("M365_ACTIVITY_SIGNALS");
    }
}
