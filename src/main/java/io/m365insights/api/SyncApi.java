package io.m365insights.api;

import io.m365insights.api.model.SyncNowInput;
import io.m365insights.api.model.SyncNowPayload;
import io.m365insights.api.model.SyncRun;
import io.m365insights.api.model.SyncStatus;
import io.m365insights.api.model.UsageCoverage;
import io.m365insights.config.M365Config;
import io.m365insights.usage.UsageQueries;
import io.m365insights.usage.UsageSync;
import io.m365insights.usage.UsageUnavailableException;
import io.m365insights.sync.SyncService;
import io.m365insights.sync.SyncStatusService;
import io.m365insights.sync.SyncTrigger;
import io.m365insights.api.access.AccessCheck;
import io.m365insights.api.access.AdminAccess;
import io.m365insights.api.access.ReaderAccess;
import io.m365insights.audit.Actor;
import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditEntry;
import io.m365insights.audit.AuditLog;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

@GraphQLApi
@ReaderAccess
public class SyncApi {
    @Inject
    SyncStatusService status;

    @Inject
    SyncService sync;

    @Inject
    UsageQueries usage;

    @Inject
    M365Config config;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    AccessCheck access;

    @Query("syncStatus")
    @Description("Whether a sync runs now, the latest runs and the latest successful one.")
    public @NonNull SyncStatus syncStatus() {
        var current = status.running().map(ApiMapper::run).orElse(null);
        return new SyncStatus(current != null || status.syncing(), current, status.last().map(ApiMapper::run).orElse(null),
                status.lastSuccessful().map(ApiMapper::run).orElse(null),
                status.recent(10).stream().map(ApiMapper::run).toList(), usageCoverage());
    }

    private UsageCoverage usageCoverage() {
        UsageSync.Window window = UsageSync.window(LocalDate.now(clock), config.usage());
        UsageQueries.Coverage c = usage.coverage(window);
        return new UsageCoverage(c.firstDay(), c.lastDay(), c.daysStored(), window.first(), window.last(),
                c.missingInWindow(), c.refreshDate(), c.latestDayConcealed(), c.concealedSetting(),
                c.latestDayConcealed() || Boolean.TRUE.equals(c.concealedSetting())
                        ? UsageUnavailableException.REVEAL_NAMES : null);
    }

    @Mutation("syncNow")
    @AdminAccess
    @Description("Starts a sync now, or returns the one already running (on any replica).")
    public @NonNull SyncNowPayload syncNow(SyncNowInput input) throws Exception {
        SyncService.Started started = sync.start(SyncTrigger.MANUAL);
        audit.append(AuditEntry.succeeded(new AuditContext(Actor.caller(access.caller()), UUID.randomUUID(),
                        started.runId().orElse(null)), AuditAction.SYNC_NOW, started.alreadyRunning()
                        ? "A sync was already running; none was started" : "Started sync run " + started.runId().orElseThrow())
                .withInput(Map.of("wait", input != null && Boolean.TRUE.equals(input.wait))));
        if (started.alreadyRunning()) {
            // none while a run is being recorded or its follow-ups still hold the lock
            return new SyncNowPayload(status.running().map(ApiMapper::run).orElse(null), true, List.of());
        }
        if (input != null && Boolean.TRUE.equals(input.wait)) {
            started.completion().get(10, TimeUnit.MINUTES);
        }
        SyncRun run = status.byId(started.runId().orElseThrow()).map(ApiMapper::run).orElse(null);
        return new SyncNowPayload(run, false, List.of());
    }
}
