package io.m365insights.export;

import io.agroal.api.AgroalDataSource;
import io.m365insights.usage.Granularity;
import io.m365insights.usage.Platform;
import io.m365insights.usage.UsageApp;
import io.m365insights.usage.UsageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CSV exports: RFC 4180 (CRLF, fields quoted when needed), a header row of the matching reporting view's columns,
 * ISO-8601 days and UTC instants, empty for null. Users are streamed from {@code reporting.users} through a JDBC cursor
 * ({@value #FETCH_SIZE} rows at a time), so memory stays constant whatever the tenant's size; the usage series comes
 * from the same code as GraphQL's {@code usage} (a bounded range: at most 3 years of periods).
 */
@ApplicationScoped
public class CsvExports {
    static final int FETCH_SIZE = 1000;
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UsageQueries usage;

    /** reporting.users, by user principal name (case-insensitive) then id: the order of bi/users-with-licenses. */
    public void users(boolean includeDeleted, Writer out) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL fetches by cursor only inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("select * from reporting.users where ? or deleted_at is null "
                    + "order by lower(user_principal_name), user_id", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setBoolean(1, includeDeleted);
                try (ResultSet rs = ps.executeQuery()) {
                    CsvRows.write(rs, out);
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
    }

    /** The first column's name per granularity: the matching view's (usage_daily, usage_weekly, usage_monthly). */
    static String periodColumn(Granularity g) {
        return switch (g) {
            case DAY -> "day";
            case WEEK -> "week_start";
            case MONTH -> "month_start";
        };
    }

    /**
     * The usage series with every app, each once for any platform (platform empty) and once per platform, ordered by
     * period, app (UsageApp order), then platform (any first): the rows of the matching view for [from, to].
     */
    public void usage(LocalDate from, LocalDate to, Granularity g, Writer out) throws IOException {
        List<UsageQueries.Point> points = series(from, to, g);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(periodColumn(g), "app", "platform", "active_users");
            for (UsageQueries.Point p : points) {
                csv.printRecord(p.periodStart(), p.app().name(), p.platform() == null ? null : p.platform().name(),
                        p.activeUsers());
            }
        }
    }

    @ActivateRequestContext
    List<UsageQueries.Point> series(LocalDate from, LocalDate to, Granularity g) {
        List<UsageApp> apps = List.of(UsageApp.values());
        List<UsageQueries.Point> points = new ArrayList<>(usage.series(from, to, g, apps, null));
        points.addAll(usage.series(from, to, g, apps, List.of(Platform.values())));
        points.sort(Comparator.comparing(UsageQueries.Point::periodStart).thenComparing(UsageQueries.Point::app)
                .thenComparing(p -> p.platform() == null ? -1 : p.platform().ordinal()));
        return points;
    }
}
