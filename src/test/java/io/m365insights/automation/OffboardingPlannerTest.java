package io.m365insights.automation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OffboardingPlannerTest {
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final UUID E5 = UUID.fromString("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
    private static final UUID E3 = UUID.fromString("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static final UUID GROUP = UUID.fromString("998d8fb1-00ca-45d5-9eac-75d45474c891");
    private final UUID jorg = UUID.randomUUID();

    private Candidate assignment(UUID user, String upn, int daysDisabled, UUID sku, String part, UUID group) {
        OffsetDateTime since = NOW.atOffset(ZoneOffset.UTC).minusDays(daysDisabled);
        return new Candidate(user, upn, "Someone", since, sku, part, group);
    }

    @Test
    void pastTheGracePeriodDirectLicensesAreRemovedAndGroupOnesNeedAGroupChange() {
        List<PlanItem> plan = OffboardingPlanner.plan(List.of(
                assignment(jorg, "jorg@contoso.com", 31, E5, "SPE_E5", null),
                assignment(jorg, "jorg@contoso.com", 31, E3, "SPE_E3", GROUP)), List.of(), 30, NOW);

        assertThat(plan).extracting(PlanItem::action)
                .containsExactly(OffboardingAction.REMOVE, OffboardingAction.NEEDS_GROUP_CHANGE);
        assertThat(plan.get(0).reason()).contains("Remove the direct assignment of SPE_E5").contains("more than 30 day");
        assertThat(plan.get(1).reason()).contains("inherited from group " + GROUP).contains("remove the user from the group");
    }

    @Test
    void withinTheGracePeriodEverythingWaitsAndSaysUntilWhen() {
        List<PlanItem> plan = OffboardingPlanner.plan(List.of(
                assignment(jorg, "jorg@contoso.com", 29, E5, "SPE_E5", null),
                assignment(jorg, "jorg@contoso.com", 30, E3, "SPE_E3", GROUP)), List.of(), 30, NOW);
        assertThat(plan).extracting(PlanItem::action).containsOnly(OffboardingAction.WAITING);
        assertThat(plan.get(0).reason()).contains("grace period ends 2026-06-16");
    }

    @Test
    void aZeroDayGracePeriodRemovesAtOnce() {
        List<PlanItem> plan = OffboardingPlanner.plan(List.of(assignment(jorg, "j@contoso.com", 0, E5, "SPE_E5", null)),
                List.of(), 0, NOW.plusSeconds(1));
        assertThat(plan.get(0).action()).isEqualTo(OffboardingAction.REMOVE);
    }

    @Test
    void exemptionsByUserOrSkuWinUntilTheyExpire() {
        UUID other = UUID.randomUUID();
        List<Exemption> exemptions = List.of(
                new Exemption(Exemption.Kind.USER, "jorg@contoso.com", null, "Legal hold"),
                new Exemption(Exemption.Kind.SKU, "spe_e3", LocalDate.of(2026, 6, 15), "E3 stays this month"),
                new Exemption(Exemption.Kind.SKU, E5.toString(), LocalDate.of(2026, 6, 14), "expired yesterday"));
        List<PlanItem> plan = OffboardingPlanner.plan(List.of(
                assignment(jorg, "jorg@contoso.com", 90, E5, "SPE_E5", null),
                assignment(jorg, "jorg@contoso.com", 90, E3, "SPE_E3", GROUP),
                assignment(other, "ann@contoso.com", 90, E3, "SPE_E3", null),
                assignment(other, "ann@contoso.com", 90, E5, "SPE_E5", null)), exemptions, 30, NOW);

        assertThat(plan).extracting(PlanItem::action).containsExactly(OffboardingAction.EXEMPT, OffboardingAction.EXEMPT,
                OffboardingAction.EXEMPT, OffboardingAction.REMOVE);
        assertThat(plan.get(0).reason()).contains("user exemption for jorg@contoso.com \"Legal hold\"");
        assertThat(plan.get(2).reason()).contains("sku exemption for spe_e3").contains("until 2026-06-15");
        assertThat(plan.get(3).reason()).contains("\"expired yesterday\"").contains("has expired");
    }

    @Test
    void aDirectRemovalSaysWhenTheUserKeepsTheLicenseThroughAGroup() {
        List<PlanItem> plan = OffboardingPlanner.plan(List.of(
                assignment(jorg, "jorg@contoso.com", 40, E3, "SPE_E3", null),
                assignment(jorg, "jorg@contoso.com", 40, E3, "SPE_E3", GROUP)), List.of(), 30, NOW);
        assertThat(plan.get(0).action()).isEqualTo(OffboardingAction.REMOVE);
        assertThat(plan.get(0).reason()).contains("keeps SPE_E3 through group " + GROUP);
    }
}
