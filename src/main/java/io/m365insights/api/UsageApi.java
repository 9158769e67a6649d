package io.m365insights.api;

import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.AppActivity;
import io.m365insights.api.model.UsagePoint;
import io.m365insights.api.model.UsageStatus;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserUsageDay;
import io.m365insights.usage.Granularity;
import io.m365insights.usage.Platform;
import io.m365insights.usage.UsageApp;
import io.m365insights.usage.UsageQueries;
import io.m365insights.usage.UserUsage;
import jakarta.inject.Inject;
import io.smallrye.graphql.api.Nullable;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@GraphQLApi
@ReaderAccess
public class UsageApi {
    private static final int MAX_SERIES_DAYS = 3 * 366;
    private static final int MAX_USER_DAYS = 366;

    @Inject
    UsageQueries usage;

    @Inject
    UserUsage userUsage;

    @Query("usage")
    @Description("Distinct active users per period and app (and platform, when `platforms` is given; otherwise one point "
            + "per period and app with platform null). Without `apps`, every UsageApp. Only periods containing a stored "
            + "report day have points (a gap in a chart, not a zero).")
    public @NonNull List<@NonNull UsagePoint> usage(@NonNull LocalDate from, @NonNull LocalDate to,
                                                    @DefaultValue("DAY") Granularity granularity,
                                                    @Nullable List<@NonNull UsageApp> apps,
                                                    @Nullable List<@NonNull Platform> platforms) {
        if (to.isBefore(from)) {
            throw new ApiInputException("to: must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_SERIES_DAYS) {
            throw new ApiInputException("from/to: at most " + MAX_SERIES_DAYS + " days per request");
        }
        List<UsageApp> a = apps == null || apps.isEmpty() ? List.of(UsageApp.values()) : apps.stream().distinct().toList();
        List<Platform> p = platforms == null || platforms.isEmpty() ? null : platforms.stream().distinct().toList();
        return usage.series(from, to, granularity == null ? Granularity.DAY : granularity, a, p).stream()
                .map(x -> new UsagePoint(x.periodStart(), x.app(), x.platform(), x.activeUsers())).toList();
    }

    @Description("The latest day with activity in any app (from the usage reports); null: never active in the stored "
            + "history, or unknown (see usageStatus). Activation is not activity.")
    public List<LocalDate> lastActivityDate(@Source List<User> users) {
        Map<UUID, UserUsage.Summary> s = userUsage.summaries(ids(users), false);
        return users.stream().map(u -> s.get(UUID.fromString(u.id())).lastActivityDate()).toList();
    }

    @Description("The latest Microsoft 365 apps activation, as the report gives it.")
    public List<LocalDate> lastActivationDate(@Source List<User> users) {
        Map<UUID, UserUsage.Summary> s = userUsage.summaries(ids(users), false);
        return users.stream().map(u -> s.get(UUID.fromString(u.id())).lastActivationDate()).toList();
    }

    @Description("Whether this user's own usage can be told.")
    public List<@NonNull UsageStatus> usageStatus(@Source List<User> users) {
        Map<UUID, UserUsage.Summary> s = userUsage.summaries(ids(users), false);
        return users.stream().map(u -> UsageStatus.valueOf(s.get(UUID.fromString(u.id())).status().name())).toList();
    }

    @Description("Activity per app (SUITE included).")
    public List<@NonNull List<@NonNull AppActivity>> appActivity(@Source List<User> users) {
        Map<UUID, UserUsage.Summary> s = userUsage.summaries(ids(users), true);
        return users.stream().map(u -> s.get(UUID.fromString(u.id())).apps().stream()
                .map(a -> new AppActivity(a.app(), a.lastActiveDate(), a.activeDaysLast28())).toList()).toList();
    }

    @Description("The user's apps and platforms on each stored report day in [from, to] (at most 366 days).")
    public List<@NonNull List<@NonNull UserUsageDay>> usage(@Source List<User> users, @NonNull LocalDate from,
                                                             @NonNull LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_USER_DAYS) {
            throw new ApiInputException("usage(from, to): to must not be before from, and at most " + MAX_USER_DAYS
                    + " days");
        }
        Map<UUID, List<UserUsage.Day>> days = userUsage.days(ids(users), from, to);
        return users.stream().map(u -> days.get(UUID.fromString(u.id())).stream()
                .map(d -> new UserUsageDay(d.date(), d.available(), d.inReport(), d.apps(), d.platforms()))
                .toList()).toList();
    }

    private static List<UUID> ids(List<User> users) {
        return users.stream().map(u -> UUID.fromString(u.id())).distinct().toList();
    }
}
