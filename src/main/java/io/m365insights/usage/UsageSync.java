package io.m365insights.usage;

import io.m365insights.config.M365Config;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphErrorKind;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.sync.SyncPartName;
import io.m365insights.sync.SyncPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Syncs usage: for each day of the window (today - delay, back lookback days) not stored yet, plus the most recent
 * few (Microsoft may still complete them), oldest first, fetch the Microsoft 365 Apps user detail report and stage it;
 * the staged days are applied to the ledger in one transaction per batch of days of one month (a batch ends when the
 * month changes, before the pacer makes the sync wait, and at the end), so a backfill writes each ledger row once a batch.
 * Requests are paced under Microsoft's throttling limit. A day Microsoft refuses as too old is skipped, not a failure;
 * a day that cannot be read fails alone and stores nothing; a missing permission fails the part with the fix.
 * Stored days are never deleted because Microsoft stopped serving them; only the retention setting removes days.
 */
@ApplicationScoped
public class UsageSync extends SyncPart {
    static final String REPORT = "getM365AppUserDetail";
    static final String CONCEALED_SETTING = "displayConcealedNames";
    private static final Logger LOG = Logger.getLogger(UsageSync.class);

    @Inject
    MsGraphClient msGraph;
    @Inject
    UsageDayStore store;
    @Inject
    ReportPacer pacer;
    @Inject
    M365Config m365;
    @Inject
    Clock clock;

    UsageSync() {
        super(SyncPartName.USAGE);
    }

    /** The days a sync tries to hold: oldest first. */
    public record Window(LocalDate first, LocalDate last) {
    }

    public static Window window(LocalDate today, M365Config.Usage config) {
        LocalDate last = today.minusDays(config.delayDays());
        return new Window(last.minusDays(config.lookbackDays() - 1L), last);
    }

    @Override
    public Outcome run(Context context) throws SQLException {
        M365Config.Usage config = m365.usage();
        if (!config.enabled()) {
            return nothingToDo("usage sync is switched off (M365_USAGE_ENABLED=false)");
        }
        Connection c = context.connection();
        LocalDate today = LocalDate.now(clock);
        Window window = window(today, config);
        Set<LocalDate> stored = store.storedDays(c, window.first(), window.last());
        LocalDate refreshFrom = window.last().minusDays(config.refreshDays() - 1L);
        List<LocalDate> todo = new ArrayList<>();
        for (LocalDate d = window.first(); !d.isAfter(window.last()); d = d.plusDays(1)) {
            if (!stored.contains(d) || !d.isBefore(refreshFrom)) {
                todo.add(d);
            }
        }
        Tally tally = new Tally();
        List<LocalDate> tooOld = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<UsageDayStore.StagedDay> staged = new ArrayList<>();
        try {
            for (LocalDate day : todo) {
                // the staged days go to the ledger when the month changes, and before the pacer makes us wait
                if (!staged.isEmpty() && (!staged.get(0).month().equals(day.withDayOfMonth(1))
                        || pacer.mustWait(c, REPORT))) {
                    apply(c, staged, context.runId(), tally);
                }
                try {
                    if (staged.isEmpty()) {
                        store.startBatch(c);
                    }
                    staged.add(fetchAndStage(c, day));
                } catch (MsGraphException e) {
                    switch (e.kind()) {
                        case INVALID_ARGUMENT -> tooOld.add(day); // Microsoft no longer serves it: not a failure
                        case FORBIDDEN -> throw new IllegalStateException("usage: forbidden — grant the application "
                                + "permission Reports.Read.All to the app registration (and admin consent); users and "
                                + "licenses still sync. " + e.getMessage());
                        case CREDENTIALS_REJECTED -> throw e;
                        default -> failed.add(day + ": " + e.getMessage());
                    }
                } catch (ReportFormatException e) {
                    failed.add(day + ": the report could not be read, nothing of that day was stored ("
                            + e.getMessage() + ")");
                }
            }
            apply(c, staged, context.runId(), tally);
        } catch (RuntimeException | SQLException e) {
            // the days read before the fault are kept, as when each day was stored on its own
            try {
                apply(c, staged, context.runId(), tally);
            } catch (RuntimeException | SQLException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        rememberConcealedSetting(c, tally.added + tally.replaced, tally.concealedDays);
        int removed = config.retentionDays() > 0 ? store.applyRetention(c, today.minusDays(config.retentionDays())) : 0;
        int linked = store.linkIdentities(c);
        String detail = String.format("%d days fetched (%d new, %d refreshed), %d rows; %d days too old for "
                        + "Microsoft%s; %d identities linked to users%s", tally.added + tally.replaced, tally.added,
                tally.replaced, tally.rows, tooOld.size(), tooOld.isEmpty() ? "" : " " + tooOld, linked,
                removed > 0 ? "; " + removed + " days past retention removed" : "");
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " report day(s) failed: " + String.join("; ", failed)
                    + " — other days: " + detail);
        }
        return new Outcome(tally.rows, tally.added, tally.replaced, removed, detail);
    }

    /** What the applied days add up to. */
    private static final class Tally {
        int rows;
        int concealedDays;
        int added;
        int replaced;
    }

    private UsageDayStore.StagedDay fetchAndStage(Connection c, LocalDate day) throws SQLException {
        Path file = msGraph.m365AppUserDetail(day, () -> pacer.beforeRequest(c, REPORT), ReportFiles::download);
        return ReportFiles.readAndDelete(file, in -> store.stageDay(c, day, in));
    }

    /** Applies the staged days (if any) in one transaction and counts them; none is staged afterwards. */
    private void apply(Connection c, List<UsageDayStore.StagedDay> staged, long runId, Tally tally) throws SQLException {
        if (staged.isEmpty()) {
            return;
        }
        List<UsageDayStore.StagedDay> days = List.copyOf(staged);
        staged.clear();
        for (UsageDayStore.DayResult r : store.applyBatch(c, days, runId)) {
            tally.rows += r.rows();
            if (r.concealedRows() > 0) {
                tally.concealedDays++;
            }
            if (r.replaced()) {
                tally.replaced++;
            } else {
                tally.added++;
            }
            LOG.debugf("Usage %s: %d rows (%d concealed, %d unmatched)", r.day(), r.rows(), r.concealedRows(),
                    r.unmatchedRows());
        }
    }

    /**
     * The tenant's "display concealed names" setting, asked of Microsoft Graph only when a report fetched now conceals
     * names (to tell the admin what to change). Reports that show names say the setting is off without a request, so a
     * sync asks Graph for nothing more than users, SKUs and one report per missing day; with nothing fetched, the
     * setting last known stays.
     */
    private void rememberConcealedSetting(Connection c, int fetchedDays, int concealedDays) throws SQLException {
        if (concealedDays > 0) {
            store.remember(c, CONCEALED_SETTING, readConcealedSetting().map(String::valueOf).orElse(null));
        } else if (fetchedDays > 0) {
            store.remember(c, CONCEALED_SETTING, "false");
        }
    }

    private Optional<Boolean> readConcealedSetting() {
        try {
            return msGraph.reportNamesConcealed();
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.CREDENTIALS_REJECTED) {
                throw e;
            }
            LOG.debugf("Could not read the report settings: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
