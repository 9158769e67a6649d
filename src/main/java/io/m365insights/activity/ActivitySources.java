package io.m365insights.activity;

import io.m365insights.sync.SyncPartName;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import io.m365insights.db.Jdbc;
import java.sql.SQLException;

/**
 * What each activity source's latest sync said: readable or not and why (the permission or license to add), and
 * whether its latest data conceals names. The evidence of idle seats and {@code syncStatus} read it.
 */
@ApplicationScoped
public class ActivitySources {
    /** The words an admin needs when reports conceal names (PRODUCT.md, fact 5). */
    public static final String REVEAL_NAMES = "Reports conceal user names, so per-user activity from them cannot be "
            + "told: in the Microsoft 365 admin center, Settings > Org Settings > Services > Reports, untick \"Display "
            + "concealed user, group, and site names in all reports\"";

    /** Records the outcome of a source's sync; {@code concealed} null leaves the last known value. */
    public void record(Connection c, SyncPartName source, boolean ok, String detail, Boolean concealed)
            throws SQLException {
        Jdbc.update(c, """
                insert into activity_source as s (source, ok, detail, names_concealed, checked_at, last_success_at)
                values (?, ?, ?, coalesce(?::boolean, false), now(), case when ? then now() end)
                on conflict (source) do update set ok = excluded.ok, detail = excluded.detail,
                    names_concealed = coalesce(?::boolean, s.names_concealed), checked_at = now(),
                    last_success_at = coalesce(excluded.last_success_at, s.last_success_at)""",
                source.name(), ok, detail, concealed, ok, concealed);
    }
}
