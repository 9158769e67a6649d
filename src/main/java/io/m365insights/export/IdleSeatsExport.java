package io.m365insights.export;

import io.m365insights.activity.IdleSeats;
import io.m365insights.licenses.LicenseQueries;
import io.m365insights.licenses.SkuEntity;
import io.m365insights.users.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /export/idle-seats.csv}: the idle seats of one SKU (or of every current SKU), decided exactly as
 * {@code License.idleSeats} decides them (activity.IdleSeats), one row per seat, with its evidence flattened: for each
 * signal of the SKU's rule, {@code SIGNAL=last active day} or {@code SIGNAL=unavailable}, separated by {@code ;}.
 * The decision needs every seat of the SKU in memory (as the GraphQL field does); a tenant's seats are bounded.
 */
@ApplicationScoped
public class IdleSeatsExport {
    static final List<String> COLUMNS = List.of("sku_id", "sku_part_number", "user_id", "user_principal_name",
            "display_name", "last_active_date", "assigned_since", "assigned_since_is_upper_bound", "decided_by",
            "review_only", "evidence");

    @Inject
    IdleSeats idleSeats;

    @Inject
    LicenseQueries licenses;

    public void write(UUID skuId, int days, Writer out) throws IOException {
        Rows rows = rows(skuId, days);
        try (CSVPrinter csv = new CSVPrinter(out, CsvExports.FORMAT)) {
            csv.printRecord(COLUMNS);
            for (SkuEntity sku : rows.skus()) {
                IdleSeats.SkuSeats seats = rows.seats().get(sku.skuId);
                for (IdleSeats.Seat s : seats == null ? List.<IdleSeats.Seat>of() : seats.idle()) {
                    UserEntity u = rows.users().get(s.userId());
                    csv.printRecord(sku.skuId, sku.skuPartNumber, s.userId(), u == null ? null : u.userPrincipalName,
                            u == null ? null : u.displayName, s.lastActiveDate(), s.assignedSince(),
                            s.assignedSinceUpperBound(), s.decidedBy().stream().map(Enum::name)
                                    .collect(Collectors.joining(";")), s.reviewOnly(),
                            s.evidence().stream().map(e -> e.signal().name() + "=" + (!e.available() ? "unavailable"
                                    : e.lastActiveDate() == null ? "never" : e.lastActiveDate().toString()))
                                    .collect(Collectors.joining(";")));
                }
            }
        }
    }

    private record Rows(List<SkuEntity> skus, Map<UUID, IdleSeats.SkuSeats> seats, Map<UUID, UserEntity> users) {
    }

    @ActivateRequestContext
    Rows rows(UUID skuId, int days) {
        List<SkuEntity> skus = skuId == null ? licenses.currentSkus() : licenses.skus(List.of(skuId));
        Map<UUID, String> parts = new LinkedHashMap<>();
        skus.forEach(s -> parts.put(s.skuId, s.skuPartNumber));
        Map<UUID, IdleSeats.SkuSeats> seats = parts.isEmpty() ? Map.of() : idleSeats.seats(parts, days);
        List<UUID> userIds = seats.values().stream().flatMap(s -> s.idle().stream()).map(IdleSeats.Seat::userId)
                .distinct().toList();
        Map<UUID, UserEntity> users = userIds.isEmpty() ? Map.of() : UserEntity.<UserEntity>list("id in ?1", userIds)
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return new Rows(skus, seats, users);
    }
}
