package io.m365insights.api;

import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.SeatChange;
import io.m365insights.api.model.SeatChangeKind;
import io.m365insights.licenses.SeatHistory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The seat history of a license, day by day. */
@GraphQLApi
@ReaderAccess
public class SeatHistoryApi {
    static final int MAX_DAYS = 3660;

    @Inject
    SeatHistory history;

    @Query("seatChanges")
    @Description("Seats of a license assigned, removed (found by a sync) and reclaimed (through this service), per day "
            + "and kind, from the seat history kept since this service first synced. Days without changes have no "
            + "entry; assignments already there at the first sync are not counted as assigned.")
    public @NonNull List<@NonNull SeatChange> seatChanges(@NonNull @Id String skuId, @NonNull LocalDate from,
                                                          @NonNull LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new ApiInputException("from must not be after to, and the range at most " + MAX_DAYS + " days");
        }
        return history.changes(Ids.uuid(skuId, "skuId"), from, to).stream()
                .map(c -> new SeatChange(c.day(), SeatChangeKind.valueOf(c.kind()), c.count())).toList();
    }
}
