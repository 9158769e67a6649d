package io.m365insights.reporting;

import io.agroal.api.AgroalDataSource;
import io.m365insights.activity.IdleSeats;
import io.m365insights.db.Jdbc;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.savings.SavingsCalculator;
import io.m365insights.sync.CopyIn;
import io.m365insights.sync.SyncRunFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the seat decision and the savings figures for the reporting views ({@code reporting.idle_seats},
 * {@code reporting.savings}), so that tools that speak SQL read the decision the service makes
 * ({@link IdleSeats}, {@link SavingsCalculator}) rather than a second rule written in SQL. Decided for
 * {@link IdleSeats#DEFAULT_DAYS} after every sync run and every price change, and written whole in one transaction:
 * a failed decision or write leaves the previous one in place (and is logged); {@code decided_at} says when.
 */
@ApplicationScoped
public class ReportingDecisions {
    private static final Logger LOG = Logger.getLogger(ReportingDecisions.class);

    /** The columns of reporting.idle_seats, in order: also the header of /export/idle-seats.csv. */
    public static final List<String> IDLE_SEAT_COLUMNS = List.of("sku_id", "sku_part_number", "user_id",
            "user_principal_name", "display_name", "last_active_date", "assigned_since",
            "assigned_since_is_upper_bound", "decided_by", "review_only", "evidence", "days", "decided_at");

    /** The columns of reporting.savings, in order: also the header of /export/savings.csv. */
    public static final List<String> SAVINGS_COLUMNS = List.of("currency", "reassignable_now", "idle_seats",
            "reducible_at_renewal", "unassigned_seats", "next_renewal_at", "exposure", "review_only", "days",
            "decided_at");

    @Inject
    IdleSeats idleSeats;

    @Inject
    LicenseQueries licenses;

    @Inject
    SavingsCalculator savings;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** The decision's own columns of a seat: those of the view but the SKU's and holder's names and the window. */
    public static Object[] seat(IdleSeats.Seat s) {
        return new Object[]{s.skuId(), s.userId(), s.lastActiveDate(), s.assignedSince(), s.assignedSinceUpperBound(),
                s.decidedByText(), s.reviewOnly(), s.evidenceText()};
    }

    /** One currency's figures: the columns of reporting.savings but the window and decided_at. */
    public static Object[] figures(SavingsCalculator.CurrencyFigures c) {
        return new Object[]{c.currency(), c.reassignableNow(), c.idleSeats(), c.reducibleAtRenewal(),
                c.unassignedSeats(), c.nextRenewalAt(), c.exposure(), c.reviewOnly()};
    }

    @ActivateRequestContext
    void afterSync(@Observes SyncRunFinished run) {
        refresh("sync run " + run.runId(), run.runId());
    }

    /**
     * Decides and writes; false (logged, the previous decision kept) when either fails. Runs with a request context
     * of its own when called without one.
     */
    @ActivateRequestContext
    public boolean refresh(String cause, Long syncRunId) {
        try {
            OffsetDateTime decidedAt = OffsetDateTime.now(clock);
            Map<UUID, String> parts = new LinkedHashMap<>();
            for (SkuEntity s : licenses.currentSkus()) {
                parts.put(s.skuId, s.skuPartNumber);
            }
            Map<UUID, IdleSeats.SkuSeats> seats = parts.isEmpty() ? Map.of()
                    : idleSeats.seats(parts, IdleSeats.DEFAULT_DAYS);
            List<IdleSeats.Seat> idle = new ArrayList<>();
            seats.values().forEach(s -> idle.addAll(s.idle()));
            SavingsCalculator.Figures figures = savings.figures(IdleSeats.DEFAULT_DAYS, seats);
            boolean written = Jdbc.withConnection(dataSource, "write the seat decision for the reporting views",
                    c -> Jdbc.inTransaction(c, () -> write(c, decidedAt, cause, syncRunId, idle, figures)));
            if (written) {
                LOG.debugf("Reporting views: %d idle seats, %d currencies, decided after %s", idle.size(),
                        figures.currencies().size(), cause);
            }
            return written;
        } catch (RuntimeException e) {
            LOG.warnf("The reporting views keep their previous seat decision: deciding after %s failed: %s", cause,
                    e.getMessage());
            LOG.debug("Reporting decision failure", e);
            return false;
        }
    }

    private static boolean write(Connection c, OffsetDateTime decidedAt, String cause, Long syncRunId,
                                 List<IdleSeats.Seat> idle, SavingsCalculator.Figures figures) throws SQLException {
        // the one row serialises writers; a decision made before the one stored is dropped, never written over it
        if (Jdbc.query(c, "insert into decision_snapshot (id, decided_at, days, cause, sync_run_id) "
                + "values (1, ?, ?, ?, ?) on conflict (id) do update set decided_at = excluded.decided_at, "
                + "days = excluded.days, cause = excluded.cause, "
                + "sync_run_id = coalesce(excluded.sync_run_id, decision_snapshot.sync_run_id) "
                + "where decision_snapshot.decided_at <= excluded.decided_at returning id", rs -> rs.getInt(1),
                decidedAt, IdleSeats.DEFAULT_DAYS, cause, syncRunId).isEmpty()) {
            return false;
        }
        Jdbc.update(c, "delete from decision_idle_seat");
        Jdbc.update(c, "delete from decision_savings");
        try (CopyIn seats = CopyIn.into(c, "decision_idle_seat", "sku_id", "user_id", "last_active_date",
                "assigned_since", "assigned_since_is_upper_bound", "decided_by", "review_only", "evidence");
             CopyIn money = CopyIn.into(c, "decision_savings", "currency", "reassignable_now", "idle_seats",
                     "reducible_at_renewal", "unassigned_seats", "next_renewal_at", "exposure", "review_only")) {
            for (IdleSeats.Seat s : idle) {
                seats.row(seat(s));
            }
            for (SavingsCalculator.CurrencyFigures f : figures.currencies()) {
                money.row(figures(f));
            }
        }
        return true;
    }
}
