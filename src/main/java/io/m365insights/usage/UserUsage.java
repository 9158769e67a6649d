package io.m365insights.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Per-user usage for the API, for a whole page of users at once. */
@ApplicationScoped
public class UserUsage {
    @Inject
    UsageQueries queries;

    public enum Status { AVAILABLE, NOT_IN_REPORTS, CONCEALED, NO_DATA }

    public record AppSummary(UsageApp app, LocalDate lastActiveDate, int activeDaysLast28) {
    }

    public record Summary(Status status, LocalDate lastActivityDate, LocalDate lastActivationDate,
                          List<AppSummary> apps) {
    }

    /** One report day of a user; {@code apps}/{@code platforms} are null when the day's names were concealed. */
    public record Day(LocalDate date, boolean available, Boolean inReport, List<UsageApp> apps, List<Platform> platforms) {
    }

    public Map<UUID, Summary> summaries(Collection<UUID> userIds, boolean withApps) {
        Map<UUID, Summary> out = new HashMap<>();
        UsageQueries.LatestWithLedgers read = queries.latestWithLedgers(userIds, withApps);
        Optional<UsageQueries.LatestDays> state = read.latest();
        LocalDate latest = state.map(UsageQueries.LatestDays::latest).orElse(null);
        boolean concealed = state.map(UsageQueries.LatestDays::concealed).orElse(false);
        Map<UUID, UsageQueries.UserLedger> ledgers = read.ledgers();
        for (UUID id : userIds) {
            UsageQueries.UserLedger l = ledgers.get(id);
            Status status = latest == null ? Status.NO_DATA : concealed ? Status.CONCEALED
                    : l == null ? Status.NOT_IN_REPORTS : Status.AVAILABLE;
            out.put(id, new Summary(status, l == null ? null : l.lastActivityDate(),
                    l == null ? null : l.lastActivationDate(), withApps ? apps(l, latest) : List.of()));
        }
        return out;
    }

    private static List<AppSummary> apps(UsageQueries.UserLedger l, LocalDate latest) {
        List<AppSummary> out = new ArrayList<>();
        for (UsageApp app : UsageApp.values()) {
            LocalDate last = null;
            int recent = 0;
            if (l != null) {
                LocalDate recentFrom = latest.minusDays(27);
                for (var e : l.months().entrySet()) {
                    long bits = 0;
                    for (UsageApp member : app.members()) {
                        bits |= column(e.getValue(), UsageFlags.appBit(member.index));
                    }
                    for (int d = 0; d < 31; d++) {
                        if ((bits & (1L << d)) != 0) {
                            LocalDate day = e.getKey().plusDays(d);
                            if (last == null || day.isAfter(last)) {
                                last = day;
                            }
                            if (!day.isBefore(recentFrom) && !day.isAfter(latest)) {
                                recent++;
                            }
                        }
                    }
                }
            }
            out.add(new AppSummary(app, last, recent));
        }
        return out;
    }

    public Map<UUID, List<Day>> days(Collection<UUID> userIds, LocalDate from, LocalDate to) {
        List<LocalDate> reportDays = queries.reportDays(from, to);
        Set<LocalDate> concealed = queries.concealedDays(from, to);
        Map<UUID, UsageQueries.UserLedger> ledgers = queries.ledgers(userIds, true);
        Map<UUID, List<Day>> out = new HashMap<>();
        for (UUID id : userIds) {
            UsageQueries.UserLedger l = ledgers.get(id);
            List<Day> days = new ArrayList<>(reportDays.size());
            for (LocalDate d : reportDays) {
                if (concealed.contains(d)) {
                    days.add(new Day(d, false, null, null, null));
                    continue;
                }
                long[] month = l == null ? null : l.months().get(d.withDayOfMonth(1));
                long bit = 1L << (d.getDayOfMonth() - 1);
                List<UsageApp> apps = new ArrayList<>();
                List<Platform> platforms = new ArrayList<>();
                if (month != null) {
                    for (UsageApp a : UsageApp.values()) {
                        if (a != UsageApp.SUITE && (column(month, UsageFlags.appBit(a.index)) & bit) != 0) {
                            apps.add(a);
                        }
                    }
                    for (Platform p : Platform.values()) {
                        if ((column(month, UsageFlags.platformBit(p.ordinal())) & bit) != 0) {
                            platforms.add(p);
                        }
                    }
                }
                days.add(new Day(d, true, month != null && (month[0] & bit) != 0, apps, platforms));
            }
            out.put(id, days);
        }
        return out;
    }

    /** A month row's day bits of one flag: [0] is present, then UsageFlags.ALL, which is in bit order. */
    private static long column(long[] month, int bit) {
        return month[1 + bit];
    }
}
