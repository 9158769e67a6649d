package io.m365insights.activity;

import io.m365insights.config.M365Config;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.sync.SyncPart;
import io.m365insights.sync.SyncPartName;
import io.m365insights.usage.ReportPacer;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A sync part that reads an activity source from Microsoft Graph (paced with its own budget, within the configured
 * window of the service's clock) and says in
 * {@link ActivitySources} what the source's latest sync found: readable or not and why, and whether names are
 * concealed.
 */
abstract class ActivityPart extends SyncPart {
    @Inject
    MsGraphClient msGraph;
    @Inject
    ReportPacer pacer;
    @Inject
    ActivitySources sources;
    @Inject
    M365Config config;
    @Inject
    Clock clock;

    ActivityPart(SyncPartName part) {
        super(part);
    }

    /** The source is not read (switched off, nothing to read in this tenant): the part succeeds and says why. */
    Outcome notRead(Connection c, String why) throws SQLException {
        sources.record(c, part(), false, why, false);
        return nothingToDo(why);
    }

    /** The source cannot be read (a permission or a service missing): the part fails with {@code why}. */
    IllegalStateException unavailable(Connection c, String why) throws SQLException {
        sources.record(c, part(), false, why, null);
        return new IllegalStateException(why);
    }

    /** The source was read; when its latest data conceals names, the admin is told how to reveal them. */
    void read(Connection c, boolean concealed) throws SQLException {
        sources.record(c, part(), true, concealed ? ActivitySources.REVEAL_NAMES : null, concealed);
    }
}
