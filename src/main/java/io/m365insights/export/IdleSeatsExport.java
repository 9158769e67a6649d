package io.m365insights.export;

import io.m365insights.activity.IdleSeats;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.reporting.ReportingDecisions;
import io.m365insights.users.UserQueries;
import io.m365insights.users.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /export/idle-seats.csv}: the idle seats of one SKU (or of every current SKU), decided exactly as
 * {@code License.idleSeats} decides them (activity.IdleSeats), at the time of the request, one row per seat with the
 * columns of {@code reporting.idle_seats} (which holds the decision made after the last sync): the evidence flattened
 * ({@link IdleSeats.Seat#evidenceText()}), the window, and when it was decided (now).
 * The decision needs every seat of the SKU in memory (as the GraphQL field does); a tenant's seats are bounded.
 */
@ApplicationScoped
public class IdleSeatsExport {
    static final List<String> COLUMNS = ReportingDecisions.IDLE_SEAT_COLUMNS;

    @Inject
    IdleSeats idleSeats;

    @Inject
    LicenseQueries licenses;

    @Inject
    UserQueries userQueries;

    @Inject
    Clock clock;

    public void write(UUID skuId, int days, Writer out) throws IOException {
        Rows rows = rows(skuId, days);
        String decidedAt = clock.instant().toString();
        try (CSVPrinter csv = new CSVPrinter(out, CsvExports.FORMAT)) {
            csv.printRecord(COLUMNS);
            for (SkuEntity sku : rows.skus()) {
                IdleSeats.SkuSeats seats = rows.seats().get(sku.skuId);
                for (IdleSeats.Seat s : seats == null ? List.<IdleSeats.Seat>of() : seats.idle()) {
                    UserRow u = rows.users().get(s.userId());
                    csv.printRecord(sku.skuId, sku.skuPartNumber, s.userId(), u == null ? null : u.userPrincipalName(),
                            u == null ? null : u.displayName(), s.lastActiveDate(), s.assignedSince(),
                            s.assignedSinceUpperBound(), s.decidedByText(), s.reviewOnly(), s.evidenceText(), days,
                            decidedAt);
                }
            }
        }
    }

    private record Rows(List<SkuEntity> skus, Map<UUID, IdleSeats.SkuSeats> seats, Map<UUID, UserRow> users) {
    }

    @ActivateRequestContext
    Rows rows(UUID skuId, int days) {
        List<SkuEntity> skus = skuId == null ? licenses.currentSkus() : licenses.skus(List.of(skuId));
        Map<UUID, String> parts = new LinkedHashMap<>();
        skus.forEach(s -> parts.put(s.skuId, s.skuPartNumber));
        Map<UUID, IdleSeats.SkuSeats> seats = parts.isEmpty() ? Map.of() : idleSeats.seats(parts, days);
        List<UUID> userIds = seats.values().stream().flatMap(s -> s.idle().stream()).map(IdleSeats.Seat::userId)
                .distinct().toList();
        Map<UUID, UserRow> users = userQueries.byIds(userIds);
        return new Rows(skus, seats, users);
    }
}
