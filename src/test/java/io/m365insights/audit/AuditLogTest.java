package io.m365insights.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.m365insights.testsupport.Audit;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.m365insights.testsupport.Tenant42.FANG;
import static io.m365insights.testsupport.Tenant42.JORG;
import static io.m365insights.testsupport.Tenant42.SPE_E3;
import static io.m365insights.testsupport.Tenant42.SPE_E5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log: append-only in the database, paged newest first through the API, every mutation in it. */
@QuarkusTest
class AuditLogTest {
    private static final String DRY_RUN = "mutation($u: ID!, $s: ID!) { unassignLicense(input: {userId: $u, skuId: $s, "
            + "dryRun: true}) { auditEventId userErrors { code } } }";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEvents() throws SQLException {
        SimulatorClient.current().reset();
        Syncs.syncNow();
        GraphQL.data(DRY_RUN, Map.of("u", JORG, "s", SPE_E5));
        int count = Audit.count();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set actor = 'someone else'"))
                    .hasMessageContaining("audit_event is append-only: UPDATE is not allowed");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event"))
                    .hasMessageContaining("audit_event is append-only: DELETE is not allowed");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_event"))
                    .hasMessageContaining("audit_event is append-only: TRUNCATE is not allowed");
        }
        assertThat(Audit.count()).isEqualTo(count);
    }

    @Test
    void eventsPageNewestFirstWithCursorsAndFilters() {
        SimulatorClient.current().reset();
        Syncs.syncNow();
        String since = GraphQL.data("{ auditEvents(first: 1) { nodes { occurredAt } } }").get("auditEvents")
                .get("nodes").get(0).get("occurredAt").asText();
        List<String> ids = new ArrayList<>();
        ids.add(GraphQL.data(DRY_RUN, Map.of("u", JORG, "s", SPE_E5)).get("unassignLicense").get("auditEventId").asText());
        ids.add(GraphQL.data(DRY_RUN, Map.of("u", FANG, "s", SPE_E3)).get("unassignLicense").get("auditEventId").asText());
        ids.add(GraphQL.data(DRY_RUN, Map.of("u", JORG, "s", SPE_E3)).get("unassignLicense").get("auditEventId").asText());

        String query = "query($after: String) { auditEvents(first: 2, after: $after, filter: {actions: "
                + "[UNASSIGN_LICENSE], since: \"" + since + "\"}) { totalCount pageInfo { hasNextPage "
                + "hasPreviousPage endCursor } nodes { id action outcome dryRun userId errorCode } } }";
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("after", null);
        JsonNode first = GraphQL.data(query, vars).get("auditEvents");
        assertThat(first.get("totalCount").asInt()).isEqualTo(3);
        assertThat(first.get("nodes")).extracting(n -> n.get("id").asText()).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        vars.put("after", first.get("pageInfo").get("endCursor").asText());
        JsonNode second = GraphQL.data(query, vars).get("auditEvents");
        assertThat(second.get("nodes")).extracting(n -> n.get("id").asText()).containsExactly(ids.get(0));
        assertThat(second.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(second.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();

        assertThat(Audit.events("{userId: \"" + JORG + "\", outcome: FAILED, since: \"" + since + "\"}"))
                .extracting(e -> e.get("id").asText() + " " + e.get("errorCode").asText())
                .containsExactly(ids.get(2) + " LICENSE_INHERITED_FROM_GROUP");
        assertThat(Audit.events("{userId: \"" + JORG + "\", dryRun: true, outcome: SUCCEEDED, since: \"" + since + "\"}"))
                .extracting(e -> e.get("id").asText()).containsExactly(ids.get(0));

        JsonNode bad = GraphQL.post("{ auditEvents(after: \"bm9wZQ\") { totalCount } }", Map.of());
        assertThat(bad.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(bad.get("errors").get(0).get("message").asText()).contains("malformed cursor");
    }

    @Test
    void syncNowIsAuditedWithItsCallerAndRun() {
        JsonNode run = Syncs.syncNow();
        JsonNode event = Audit.events("{actions: [SYNC_NOW]}").get(0);
        assertThat(event.get("actor").asText()).isEqualTo(GraphQL.ADMIN);
        assertThat(event.get("syncRunId").asText()).isEqualTo(run.get("id").asText());
        assertThat(event.get("message").asText()).isEqualTo("Started sync run " + run.get("id").asText());
    }
}
