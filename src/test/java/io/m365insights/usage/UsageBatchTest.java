package io.m365insights.usage;

import io.agroal.api.AgroalDataSource;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days staged together are applied with one write per ledger row: a row trigger (made by this test, dropped after it)
 * logs every insert and update of {@code usage_month}; the bits are checked against what each person's report rows say.
 */
@QuarkusTest
class UsageBatchTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2); // a week within March
    /** A directory user for ada (her report name matches her UPN in lower case): her rows are not unmatched. */
    private static final String ADA = "7d6c4f0e-3b1a-4e8e-9a51-0c2d1e5f4a11";

    @Inject
    TestDatabase db;

    @Inject
    UsageDayStore store;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void logLedgerWrites() {
        db.clearUsage();
        db.execute("create table test_ledger_write (month date, identity_id integer)");
        db.execute("create function test_log_ledger_write() returns trigger language plpgsql as $$ begin "
                + "insert into test_ledger_write values (new.month, new.identity_id); return null; end $$");
        // AFTER triggers: an upsert that updates fires the update trigger only, one that inserts the insert trigger only
        db.execute("create trigger test_ledger_write after insert or update on usage_month for each row "
                + "execute function test_log_ledger_write()");
        db.execute("insert into directory_user (id, user_principal_name, account_enabled) values ('" + ADA
                + "', 'Ada@Contoso.com', true)");
    }

    @AfterEach
    void dropTrigger() {
        db.execute("drop trigger test_ledger_write on usage_month");
        db.execute("drop function test_log_ledger_write()");
        db.execute("drop table test_ledger_write");
        db.clearUsage();
        db.execute("delete from directory_user where id = '" + ADA + "'");
    }

    @Test
    void aBatchOfDaysWritesEachLedgerRowOnceAndReplacesOnlyItsDays() throws SQLException {
        List<UsageDayStore.DayResult> first = applyBatch(Map.of(
                day(0), List.of("ada@contoso.com", "bob@contoso.com"),
                day(1), List.of("ada@contoso.com", "bob@contoso.com"),
                day(2), List.of("ada@contoso.com"),
                day(3), List.of("ada@contoso.com", "cy@contoso.com")));
        assertThat(first).extracting(UsageDayStore.DayResult::replaced).containsOnly(false);
        assertThat(first).extracting(UsageDayStore.DayResult::rows).containsExactly(2, 2, 1, 2);
        assertThat(writesPerRow()).containsExactlyInAnyOrder("ada@contoso.com 1", "bob@contoso.com 1", "cy@contoso.com 1");
        // bit d-1 = day d: March 2..5 are bits 1..4
        assertThat(ledger()).containsExactlyInAnyOrder("ada@contoso.com 30 30", "bob@contoso.com 6 6",
                "cy@contoso.com 16 16");

        db.execute("truncate test_ledger_write");
        // March 3 and 4 again: ada now only on the 3rd, bob on neither (his bit of the 3rd goes), dan new on the 4th
        List<UsageDayStore.DayResult> second = applyBatch(Map.of(
                day(1), List.of("ada@contoso.com"),
                day(2), List.of("dan@contoso.com")));
        assertThat(second).extracting(UsageDayStore.DayResult::replaced).containsOnly(true);
        assertThat(writesPerRow()).containsExactlyInAnyOrder("ada@contoso.com 1", "bob@contoso.com 1", "dan@contoso.com 1");
        assertThat(ledger()).containsExactlyInAnyOrder("ada@contoso.com 22 22", "bob@contoso.com 2 2",
                "cy@contoso.com 16 16", "dan@contoso.com 8 8");

        assertThat(db.rows("select report_date || ' ' || active_users from usage_daily where app = 'SUITE' "
                + "and platform = 'ANY' order by report_date"))
                .containsExactly(day(0) + " 2", day(1) + " 1", day(2) + " 1", day(3) + " 2");
        assertThat(db.rows("select granularity || ' ' || period_start || ' ' || active_users from usage_period "
                + "where app = 'SUITE' and platform = 'ANY' and period_start between '2026-03-01' and '2026-03-31' "
                + "order by granularity"))
                .containsExactly("MONTH 2026-03-01 4", "WEEK " + MONDAY + " 4");
        assertThat(db.rows("select report_date || ' ' || row_count || ' ' || unmatched_rows from usage_report_day "
                + "order by report_date"))
                // unmatched: every row but ada's (she has a directory user)
                .containsExactly(day(0) + " 2 1", day(1) + " 1 0", day(2) + " 1 1", day(3) + " 2 1");
    }

    private static LocalDate day(int i) {
        return MONDAY.plusDays(i);
    }

    /** Stages each day's report (its rows: the given people, each using Outlook, Word and Teams) and applies them. */
    private List<UsageDayStore.DayResult> applyBatch(Map<LocalDate, List<String>> days) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            store.startBatch(c);
            List<UsageDayStore.StagedDay> staged = new ArrayList<>();
            for (LocalDate d : days.keySet().stream().sorted().toList()) {
                StringBuilder csv = new StringBuilder(UsageReportParserTest.HEADER).append('\n');
                days.get(d).forEach(upn -> csv.append(UsageReportParserTest.row(upn)).append('\n'));
                staged.add(store.stageDay(c, d, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))));
            }
            return store.applyBatch(c, staged, 1);
        }
    }

    private List<String> writesPerRow() {
        return db.rows("select i.report_name || ' ' || count(*) from test_ledger_write w join usage_identity i "
                + "on i.id = w.identity_id group by i.report_name");
    }

    /** name, present bits, outlook bits. */
    private List<String> ledger() {
        return db.rows("select i.report_name || ' ' || m.present || ' ' || m.outlook from usage_month m "
                + "join usage_identity i on i.id = m.identity_id where m.month = '2026-03-01'");
    }
}
