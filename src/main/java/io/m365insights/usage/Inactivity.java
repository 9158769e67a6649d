package io.m365insights.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * "Inactive for N days": no activity in any app (Teams included) on the N most recent days of usage data, counted
 * back from the latest stored report day (not from today: reports lag about two days). Never-active users count as
 * inactive. Unavailable while those days' names are concealed.
 */
@ApplicationScoped
public class Inactivity {
    public static final int MAX_DAYS = 3650;

    @Inject
    UsageQueries usage;

    /**
     * The rule as an HQL condition, for queries that filter or count by it: the user {@code userId} (an HQL path, e.g.
     * {@code u.id}) has no activity after the day bound to {@code :param} (what {@link #inactiveIfLastActiveOnOrBefore}
     * returns). A user the reports never listed matches.
     */
    public static String noActivityAfter(String userId, String param) {
        return "not exists (select 1 from UsageIdentityEntity ui where ui.userId = " + userId
                + " and ui.lastActivityDate > :" + param + ")";
    }

    /**
     * The same rule in SQL, for queries read with plain JDBC: the user {@code userIdColumn} (e.g. {@code u.id}) has no
     * activity after the day bound to the condition's one {@code ?} parameter.
     */
    public static String noActivityAfterSql(String userIdColumn) {
        return "not exists (select 1 from usage_identity ui where ui.user_id = " + userIdColumn
                + " and ui.last_activity_date > ?)";
    }

    /** Users whose last activity is on or before this date are inactive for {@code days}. */
    public LocalDate inactiveIfLastActiveOnOrBefore(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
        }
        UsageQueries.LatestDays state = usage.latestDays(days).orElseThrow(() -> new UsageUnavailableException(
                "No usage report is stored yet, so inactivity cannot be told: wait for the first usage sync "
                        + "(see syncStatus.usage)"));
        LocalDate latest = state.latest();
        if (state.concealed()) {
            throw new UsageUnavailableException("Usage reports conceal user names, so who is inactive cannot be told "
                    + "(counts per app stay available). " + UsageUnavailableException.REVEAL_NAMES);
        }
        return latest.minusDays(days);
    }
}
