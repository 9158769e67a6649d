package io.m365insights.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nested fields are batched: the SQL statements of a page do not grow with the page size (no N+1). */
@QuarkusTest
class SqlStatementCountTest {
    private static final String QUERY = "query($n: Int) { users(first: $n) { nodes { licenses { license { skuPartNumber } } } } }";

    @Inject
    EntityManagerFactory emf;

    @BeforeEach
    void synced() {
        SimulatorClient.current().reset();
        Syncs.syncNow();
    }

    @Test
    void usersWithLicensesTakeTheSameNumberOfStatementsForAnyPageSize() {
        long small = statements(QUERY, 5);
        long large = statements(QUERY, 200);
        long largest = statements(QUERY, 500);
        assertThat(small).isEqualTo(large).isEqualTo(largest);
        assertThat(large).isLessThanOrEqualTo(2); // the page, then every user's licenses with their SKUs
    }

    @Test
    void licensesWithServicePlansAndAssignedUsersCountStayConstant() {
        long statements = statements("{ licenses { skuPartNumber servicePlans { servicePlanName } } }", 0);
        assertThat(statements).isLessThanOrEqualTo(2);
    }

    private long statements(String query, int n) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        JsonNode data = GraphQL.data(query, Map.of("n", n));
        assertThat(data).isNotNull();
        if (n > 0) {
            assertThat(data.get("users").get("nodes")).hasSize(n);
        }
        return stats.getPrepareStatementCount();
    }
}
