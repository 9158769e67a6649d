package io.m365insights.reporting;

import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role m365_reporting, granted to a login as a DBA would (docs/bi.md), reads every reporting view and nothing
 * else: PostgreSQL itself refuses writes through the views, the tables beneath them, and creating anything.
 */
@QuarkusTest
class ReportingRoleTest {
    private static final String LOGIN = "metabase_test";
    private static final String PASSWORD = "bi-login-password";

    @Inject
    TestDatabase db;

    @BeforeEach
    void aLoginGrantedTheRole() {
        db.execute("drop role if exists " + LOGIN);
        db.execute("create role " + LOGIN + " login password '" + PASSWORD + "' in role m365_reporting");
    }

    @AfterEach
    void dropTheLogin() {
        db.execute("drop role if exists " + LOGIN);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                LOGIN, PASSWORD);
    }

    @Test
    void theRoleIsNotALoginAndReadsEveryReportingView() throws SQLException {
        assertThat(db.rows("select rolcanlogin from pg_roles where rolname = 'm365_reporting'")).containsExactly("f");
        List<String> views = db.rows("select table_name from information_schema.views where table_schema = 'reporting'");
        assertThat(views).contains("usage_daily", "usage_weekly", "usage_monthly", "users", "user_licenses", "license_seats",
                "idle_seats", "savings");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String view : views) {
                try (var rs = s.executeQuery("select * from reporting." + view + " limit 1")) {
                    assertThat(rs.getMetaData().getColumnCount()).as(view).isPositive();
                }
            }
        }
    }

    @Test
    void writesOtherSchemasAndCreatingAnythingArePermissionDenied() throws SQLException {
        try (Connection c = connect()) {
            for (String sql : List.of(
                    "insert into reporting.license_seats (sku_id, sku_part_number) values (gen_random_uuid(), 'X')",
                    "update reporting.usage_daily set active_users = 0",
                    "delete from reporting.license_seats",
                    "select * from public.decision_idle_seat",
                    "delete from public.decision_savings",
                    "select * from public.directory_user",
                    "select * from public.usage_month",
                    "select * from public.audit_event",
                    "update public.sku set enabled_units = 0",
                    "create table reporting.mine (x int)",
                    "create view reporting.mine as select 1 as x",
                    "create table public.mine (x int)")) {
                assertThatThrownBy(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }).as(sql).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void theRoleHoldsNoWritePrivilegeOnAnyView() throws SQLException {
        // views joining several tables (idle_seats, savings, users) are not updatable by anyone: PostgreSQL refuses a
        // write with 55000 before it looks at privileges, so the privileges are checked as such too
        for (String view : db.rows("select table_name from information_schema.views where table_schema = 'reporting'")) {
            assertThat(db.rows("select has_table_privilege('" + LOGIN + "', 'reporting." + view + "', 'SELECT')"))
                    .as(view).containsExactly("t");
            for (String privilege : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
                assertThat(db.rows("select has_table_privilege('" + LOGIN + "', 'reporting." + view + "', '"
                        + privilege + "')")).as(view + " " + privilege).containsExactly("f");
            }
        }
        try (Connection c = connect()) {
            for (String sql : List.of("delete from reporting.idle_seats", "update reporting.savings set exposure = 0",
                    "insert into reporting.savings (currency) values ('XXX')")) {
                assertThatThrownBy(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                        .as(sql + ": " + e.getMessage()).isIn("42501", "55000"));
            }
        }
    }
}
