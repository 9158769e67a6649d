package io.m365insights.simulator;

import io.m365insights.simulator.tenant.ActivityModel;
import io.m365insights.simulator.tenant.ActivityProfile;
import io.m365insights.simulator.tenant.SimUser;
import io.m365insights.simulator.tenant.SimulatedTenant;
import io.m365insights.simulator.tenant.SkuCatalog;
import io.m365insights.simulator.tenant.TenantGenerator;
import io.m365insights.simulator.tenant.UsageModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated tenant has the people whose signals disagree, which the seat decision must tell apart. */
class ActivityModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate REPORT_DAY = TODAY.minusDays(2);
    private final SimulatedTenant t = TenantGenerator.generate(42, 1500, null, TODAY);

    private Map<UUID, ActivityModel.ServiceRow> services() {
        return ActivityModel.serviceReport(t, 42, REPORT_DAY, TODAY, false).stream().filter(r -> r.user() != null)
                .collect(Collectors.toMap(r -> r.user().id, r -> r));
    }

    private boolean appsActiveIn28Days(SimUser u) {
        for (LocalDate d = REPORT_DAY.minusDays(27); !d.isAfter(REPORT_DAY); d = d.plusDays(1)) {
            for (UsageModel.Row row : UsageModel.report(t, 42, d, false, false)) {
                if (row.upn().equals(u.userPrincipalName) && (row.flags() & 0b111111) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void mailOnlyPeopleUseExchangeButNoOfficeApp() {
        Map<UUID, ActivityModel.ServiceRow> services = services();
        List<SimUser> mailOnly = t.users().stream().filter(u -> u.accountEnabled && services.containsKey(u.id)
                && ActivityProfile.of(42, u) == ActivityProfile.Kind.MAIL_ONLY).limit(5).toList();
        assertThat(mailOnly).hasSize(5);
        for (SimUser u : mailOnly) {
            assertThat(services.get(u.id).services().get(ActivityModel.Service.EXCHANGE).lastActivity())
                    .isAfter(REPORT_DAY.minusDays(10));
            assertThat(appsActiveIn28Days(u)).isFalse();
        }
    }

    @Test
    void copilotHoldersIncludePeopleWhoNeverUseItAndChatOnlyPeople() {
        List<ActivityModel.CopilotRow> rows = ActivityModel.copilotReport(t, 42, REPORT_DAY, false);
        assertThat(rows).isNotEmpty().allMatch(r -> r.user().effectiveSkuIds().contains(SkuCatalog.M365_COPILOT));
        assertThat(rows).anyMatch(r -> r.user().accountEnabled
                && ActivityProfile.copilot(42, r.user()) == ActivityProfile.CopilotHabit.UNUSED && r.lastActivity() == null);
        assertThat(rows).anyMatch(r -> ActivityProfile.copilot(42, r.user()) == ActivityProfile.CopilotHabit.CHAT_ONLY
                && r.apps().get(ActivityModel.CopilotApp.CHAT) != null && r.apps().get(ActivityModel.CopilotApp.WORD) == null);
        assertThat(t.sku(SkuCatalog.M365_COPILOT).orElseThrow().servicePlans)
                .anyMatch(p -> p.servicePlanName().equals("M365_COPILOT_APPS"));
    }

    @Test
    void newStartersWereLicensedDaysAgoAndSignInsMayBeNever() {
        List<SimUser> starters = t.users().stream()
                .filter(u -> ActivityProfile.of(42, u) == ActivityProfile.Kind.NEW_STARTER && !u.assignments.isEmpty())
                .toList();
        assertThat(starters).isNotEmpty().allMatch(u -> u.assignments.stream()
                .allMatch(a -> a.lastUpdated().isAfter(TODAY.minusDays(13).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
        assertThat(t.users()).anyMatch(u -> ActivityModel.signIn(t, 42, u, TODAY).lastSuccessful() == null);
        assertThat(t.users()).anyMatch(u -> ActivityModel.signIn(t, 42, u, TODAY).lastSuccessful() != null);
        assertThat(ActivityModel.serviceReport(t, 42, REPORT_DAY, TODAY, false)).anyMatch(ActivityModel.ServiceRow::deleted);
    }

}
