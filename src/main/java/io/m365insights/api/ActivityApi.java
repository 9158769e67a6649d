package io.m365insights.api;

import io.m365insights.activity.ActivityCoverage;
import io.m365insights.activity.ActivitySignal;
import io.m365insights.activity.IdleSeats;
import io.m365insights.activity.SignalFacts;
import io.m365insights.api.access.ReaderAccess;
import io.m365insights.api.model.ActivitySourceCoverage;
import io.m365insights.api.model.CopilotActivity;
import io.m365insights.api.model.IdleSeatConnection;
import io.m365insights.api.model.License;
import io.m365insights.api.model.SignalActivity;
import io.m365insights.api.model.SyncStatus;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserActivity;
import io.m365insights.config.M365Config;
import io.m365insights.licenses.LicensePrices;
import io.m365insights.usage.UsageSync;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The seat decision on the API: activity rules and idle seats per license, every signal per user, coverage. */
@GraphQLApi
@ReaderAccess
public class ActivityApi {
    @Inject
    IdleSeats idle;

    @Inject
    ActivityMapper mapper;

    @Inject
    ActivityCoverage coverage;

    @Inject
    LicensePrices prices;

    @Inject
    M365Config config;

    @Inject
    Clock clock;

    @Description("The signals that show a seat of this SKU is used: from its service plans (Copilot plans: COPILOT; "
            + "Exchange, SharePoint/OneDrive, Teams, Office: those workloads and APPS; none: SIGN_IN), or as "
            + "M365_ACTIVITY_SIGNALS sets it.")
    public List<@NonNull List<@NonNull ActivitySignal>> activitySignals(@Source List<License> page) {
        Map<UUID, List<ActivitySignal>> rules = idle.rules(partNumbers(page));
        return page.stream().map(l -> rules.get(UUID.fromString(l.skuId()))).toList();
    }

    @Description("Holders of this license with no activity in any available signal of its rule (activitySignals) for "
            + "`days`, counted back from the latest day reports cover (today - M365_USAGE_DELAY_DAYS); seats assigned "
            + "within M365_NEW_SEAT_GRACE_DAYS excluded. Each seat carries its evidence; reviewOnly when incomplete.")
    public @NonNull IdleSeatConnection idleSeats(@Source License license, @DefaultValue("30") int days, Integer first,
                                                 String after) {
        IdleSeats.SkuSeats seats = seats(List.of(license), days).get(UUID.fromString(license.skuId()));
        return mapper.connection(seats, days, ApiMapper.pageSize(first, config.api()), after);
    }

    @Description("How many seats of this license are idle for `days` (see idleSeats).")
    public List<Integer> idleCount(@Source List<License> page, @DefaultValue("30") int days) {
        Map<UUID, IdleSeats.SkuSeats> seats = seats(page, days);
        return page.stream().map(l -> seats.get(UUID.fromString(l.skuId())).idle().size()).toList();
    }

    @Description("Monthly cost of the idle seats (see idleSeats), at the M365_LICENSE_PRICES price; null without one.")
    public List<BigDecimal> idleMonthlyCost(@Source List<License> page, @DefaultValue("30") int days) {
        Map<UUID, IdleSeats.SkuSeats> seats = seats(page, days);
        return page.stream().map(l -> prices.monthly(l.skuPartNumber()).map(p -> p.multiply(BigDecimal.valueOf(
                seats.get(UUID.fromString(l.skuId())).idle().size()))).orElse(null)).toList();
    }

    @Description("The user's activity in every signal: last active date, or why it is unknown.")
    public List<@NonNull UserActivity> activity(@Source List<User> users) {
        Map<UUID, List<IdleSeats.Evidence>> signals = idle.userSignals(ids(users));
        return users.stream().map(u -> {
            List<SignalActivity> list = signals.get(UUID.fromString(u.id())).stream().map(ActivityMapper::signal).toList();
            LocalDate last = list.stream().filter(SignalActivity::available).map(SignalActivity::lastActiveDate)
                    .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
            return new UserActivity(last, list);
        }).toList();
    }

    @Description("Copilot use per Copilot app; null when the user holds no Copilot seat (a SKU with a Copilot plan).")
    public List<CopilotActivity> copilot(@Source List<User> users) {
        return mapper.copilot(ids(users));
    }

    @Description("Each source of activity signals: days held, gaps in the window, the latest snapshot, and whether its "
            + "signals can be told (and why not).")
    public @NonNull List<@NonNull ActivitySourceCoverage> activitySources(@Source SyncStatus status) {
        Map<ActivitySignal, SignalFacts.Availability> availability = idle.availability();
        return coverage.coverage(UsageSync.window(LocalDate.now(clock), config.usage())).stream()
                .map(c -> ActivityMapper.coverage(c, availability)).toList();
    }

    private Map<UUID, IdleSeats.SkuSeats> seats(List<License> page, int days) {
        try {
            return idle.seats(partNumbers(page), days);
        } catch (IllegalArgumentException e) {
            throw new ApiInputException("days: " + e.getMessage());
        }
    }

    private static Map<UUID, String> partNumbers(List<License> page) {
        Map<UUID, String> out = new LinkedHashMap<>();
        page.forEach(l -> out.put(UUID.fromString(l.skuId()), l.skuPartNumber()));
        return out;
    }

    private static List<UUID> ids(List<User> users) {
        return users.stream().map(u -> UUID.fromString(u.id())).distinct().toList();
    }
}
