package io.m365insights.export;

import io.m365insights.testsupport.GraphQL;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence for bench/RESULTS.md, not part of the suite: {@code ./mvnw test -Dtest=UsersCsvScaleTest
 * -Dbench.csv.users=100000 -DargLine=-Xmx160m -DskipITs -DskipNativeSources}. Adds that many users (each with two
 * licenses, half with a last activity) to the test database, reads /export/users.csv slowly to the end, and prints the
 * file's size and the JVM's live heap after GC before and during the export (application, simulator and test share
 * the JVM: the difference is the export's own).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.csv.users", matches = "\\d+")
class UsersCsvScaleTest {
    private static final String MARK = "bench-csv-export";

    @TestHTTPResource("/export/users.csv")
    URI export;

    @Inject
    TestDatabase db;

    @AfterEach
    void removeThem() {
        db.execute("delete from usage_identity where report_name like '" + MARK + "%'");
        db.execute("delete from directory_user where department = '" + MARK + "'");
    }

    /** Heap in use just after the latest collection, all pools: the live set, as near as the JVM tells it. */
    private static long liveAfterLastGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed()).sum();
    }

    @Test
    void aLargeTenantStreamsWithinASmallHeap() throws Exception {
        int users = Integer.getInteger("bench.csv.users");
        if (db.count("select count(*) from sku") == 0) {
            io.m365insights.testsupport.Syncs.syncNow(); // the simulated tenant's SKUs (and 1,500 users)
        }
        db.execute("insert into directory_user (id, user_principal_name, display_name, mail, account_enabled, department, "
                + "job_title, usage_location, created_at) select gen_random_uuid(), 'bench.user' || i || '@contoso.com', "
                + "'Bench User, No. ' || i, 'bench.user' || i || '@contoso.com', i % 10 <> 0, '" + MARK + "', "
                + "'Analyst \"' || (i % 7) || '\"', 'US', timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute' "
                + "from generate_series(1, " + users + ") i");
        db.execute("insert into license_assignment (user_id, sku_id, state) select u.id, s.sku_id, 'Active' from "
                + "directory_user u cross join (select sku_id from sku order by sku_part_number limit 2) s "
                + "where u.department = '" + MARK + "' on conflict do nothing");
        db.execute("insert into usage_identity (report_name, concealed, user_id, last_activity_date) select '" + MARK
                + "' || u.id, false, u.id, date '2026-12-01' - (abs(hashtext(u.id::text)) % 60) from directory_user u "
                + "where u.department = '" + MARK + "' and abs(hashtext(u.id::text)) % 2 = 0");
        long expectedRows = db.count("select count(*) from directory_user where deleted_at is null");

        System.gc();
        long before = liveAfterLastGc();
        long during = 0;
        long start = System.nanoTime();
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(export)
                .header("Authorization", "Bearer " + GraphQL.adminToken()).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buf = new byte[8192];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                during = Math.max(during, liveAfterLastGc());
                Thread.sleep(0, 200_000); // a client slower than the server: the export must wait, not buffer
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("users.csv: %d rows, %.1f MB in %.1f s; live heap after GC: %.0f MB before, at most %.0f MB "
                + "while exporting (max heap %.0f MB)%n", lines - 1, bytes / 1e6, seconds, before / 1e6, during / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(lines - 1).isEqualTo(expectedRows);
    }
}
