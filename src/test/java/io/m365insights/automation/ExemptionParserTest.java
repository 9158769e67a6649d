package io.m365insights.automation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExemptionParserTest {

    @Test
    void readsUsersAndSkusWithReasonsThatMayContainCommasAndOptionalExpiry() {
        List<Exemption> e = ExemptionParser.parse("user=jorg.muller@contoso.com, until=2026-12-31, reason=Legal hold, "
                + "case 4711; sku=POWER_BI_PRO,reason=Reports stay\n sku = 05e9a617-0261-4cee-bb44-138d3ef5d965 , "
                + "reason = Everyone keeps E3 ;");
        assertThat(e).containsExactly(
                new Exemption(Exemption.Kind.USER, "jorg.muller@contoso.com", LocalDate.of(2026, 12, 31),
                        "Legal hold, case 4711"),
                new Exemption(Exemption.Kind.SKU, "POWER_BI_PRO", null, "Reports stay"),
                new Exemption(Exemption.Kind.SKU, "05e9a617-0261-4cee-bb44-138d3ef5d965", null, "Everyone keeps E3"));
    }

    @Test
    void aGroupIsNamedByIdOrDisplayNameAndExemptsOnlyWhatItGrants() {
        List<Exemption> e = ExemptionParser.parse("group=Licensing - Board, reason=Board keeps, always; "
                + "group=8c3c6ef0-2b2b-4a4e-9d1f-0d7a1a0c7e11, until=2027-03-31, reason=Project");
        assertThat(e).containsExactly(
                new Exemption(Exemption.Kind.GROUP, "Licensing - Board", null, "Board keeps, always"),
                new Exemption(Exemption.Kind.GROUP, "8c3c6ef0-2b2b-4a4e-9d1f-0d7a1a0c7e11", LocalDate.of(2027, 3, 31),
                        "Project"));
        java.util.UUID board = java.util.UUID.randomUUID();
        assertThat(e.get(0).matchesGroup(board, "licensing - board")).isTrue();
        assertThat(e.get(0).matchesGroup(null, null)).isFalse();
        assertThat(e.get(0).matchesSku(board, "Licensing - Board")).isFalse();
        assertThat(e.get(1).matchesGroup(java.util.UUID.fromString("8c3c6ef0-2b2b-4a4e-9d1f-0d7a1a0c7e11"), "x")).isTrue();
    }

    @Test
    void nothingConfiguredIsNoExemption() {
        assertThat(ExemptionParser.parse(null)).isEmpty();
        assertThat(ExemptionParser.parse("  ; ")).isEmpty();
    }

    @Test
    void aMalformedEntryIsNamedWithTheFormat() {
        assertThatThrownBy(() -> ExemptionParser.parse("sku=A, reason=ok; user=x@contoso.com"))
                .hasMessageContaining("M365_OFFBOARDING_EXEMPTIONS").hasMessageContaining("entry 2")
                .hasMessageContaining("reason= is required").hasMessageContaining("Format: user=");
        assertThatThrownBy(() -> ExemptionParser.parse("user=a@contoso.com, sku=B, reason=both"))
                .hasMessageContaining("exactly one of user=, sku= or group=");
        assertThatThrownBy(() -> ExemptionParser.parse("reason=who?")).hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> ExemptionParser.parse("user=a@contoso.com, until=next year, reason=r"))
                .hasMessageContaining("until must be a date YYYY-MM-DD");
        assertThatThrownBy(() -> ExemptionParser.parse("team=g1, reason=r")).hasMessageContaining("unknown key 'team'");
    }

    @Test
    void anExemptionAppliesThroughItsLastDayAndMatchesIgnoringCase() {
        Exemption e = new Exemption(Exemption.Kind.USER, "Jorg.Muller@contoso.com", LocalDate.of(2026, 3, 1), "r");
        assertThat(e.activeOn(LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(e.activeOn(LocalDate.of(2026, 3, 2))).isFalse();
        assertThat(e.matchesUser(java.util.UUID.randomUUID(), "jorg.muller@CONTOSO.com")).isTrue();
        assertThat(e.matchesSku(java.util.UUID.randomUUID(), "jorg.muller@contoso.com")).isFalse();
    }
}
