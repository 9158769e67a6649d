package io.m365insights.api.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListVariableTypesTest {
    @Test
    void oldListVariableTypesGetNonNullItems() {
        assertThat(ListVariableTypes.upgrade("query($a: [UsageApp], $p: [Platform]!) { usage(apps: $a) { app } }"))
                .isEqualTo("query($a: [UsageApp!], $p: [Platform!]!) { usage(apps: $a) { app } }");
    }

    @Test
    void positionsAreFoundOnEveryLine() {
        String query = "query Plan(\n  $after: String,\r\n  $actions: [ OffboardingAction ]\n) { offboardingPlan { mode } }";
        assertThat(ListVariableTypes.upgrade(query))
                .isEqualTo(query.replace("[ OffboardingAction ]", "[ OffboardingAction! ]"));
    }

    @Test
    void everythingElseIsLeftAlone() {
        for (String query : new String[]{
                "query($a: [UsageApp!]) { usage(apps: $a) { app } }",
                "query($a: [AuditAction]) { auditEvents(filter: {actions: $a}) { totalCount } }",
                "query($a: UsageApp) { x }",
                "{ usage(apps: [SUITE, null]) { app } }",
                "query($a: [UsageApp] { broken"}) {
            assertThat(ListVariableTypes.upgrade(query)).isEqualTo(query);
        }
    }
}
