package io.m365insights.sync;

import io.m365insights.config.M365Config;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Syncs on the schedule {@code m365.sync.cron} ({@code M365_SYNC_CRON}) and, if enabled, once at startup. */
@ApplicationScoped
public class SyncScheduler {
    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    @Inject
    SyncService sync;

    @Inject
    M365Config config;

    void onStart(@Observes StartupEvent event) {
        if (config.sync().onStart()) {
            try {
                sync.start(SyncTrigger.STARTUP);
            } catch (RuntimeException e) {
                LOG.errorf("The startup sync could not start: %s", e.getMessage());
            }
        }
    }

    @Scheduled(identity = "m365-sync", cron = "${m365.sync.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sync.runNow(SyncTrigger.SCHEDULE);
    }
}
