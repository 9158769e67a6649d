package io.m365insights.simulator.tenant;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The activity signals beyond the Apps report (CONTRACT.md §10), a pure function of (seed, person, date) like
 * {@link UsageModel} and consistent with it: Teams and Outlook activity here is the Apps report's; mail on a native
 * client, OneDrive and SharePoint come on top; Copilot per app for Copilot seat holders; sign-ins on every day a person
 * did anything, plus people who only sign in (a Power BI user holding an unused suite seat).
 */
public final class ActivityModel {
    public enum Service { EXCHANGE, ONEDRIVE, SHAREPOINT, TEAMS }

    public enum CopilotApp { CHAT, TEAMS, WORD, EXCEL, POWERPOINT, OUTLOOK, ONENOTE, LOOP }

    /** Microsoft's "never": how signInActivity shows a sign-in that never happened (CONTRACT.md §4). */
    public static final String NEVER = "0001-01-01T00:00:00Z";
    private static final int SEARCH_DAYS = 120;
    private static final Set<String> EXCHANGE_PLANS = Set.of("EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_STANDARD");
    private static final Set<String> SHAREPOINT_PLANS = Set.of("SHAREPOINTENTERPRISE", "SHAREPOINTSTANDARD");

    private ActivityModel() {
    }

    /** One person's services: licensed or not, last activity as of the report day, license assign date. */
    public record ServiceFacts(boolean licensed, LocalDate lastActivity, LocalDate assignDate) {
    }

    /** A row of the active user detail report. */
    public record ServiceRow(SimUser user, String upn, String displayName, boolean deleted, LocalDate deletedDate,
                             Map<Service, ServiceFacts> services, boolean yammer, boolean skype, String products) {
    }

    /** A row of the Copilot usage report. */
    public record CopilotRow(SimUser user, String upn, String displayName, LocalDate lastActivity,
                             Map<CopilotApp, LocalDate> apps) {
    }

    /** signInActivity of a user as of "today": null dates are Microsoft's never. */
    public record SignIn(Instant lastSuccessful, Instant lastInteractive, Instant lastNonInteractive) {
    }

    public static boolean holdsCopilot(SimulatedTenant t, SimUser u) {
        return u.effectiveSkuIds().contains(SkuCatalog.M365_COPILOT);
    }

    /** Plan names of every SKU the user holds (in effect). */
    static Set<String> planNames(SimulatedTenant t, SimUser u) {
        Set<String> names = new java.util.HashSet<>();
        for (UUID sku : u.effectiveSkuIds()) {
            t.sku(sku).ifPresent(s -> s.servicePlans.forEach(p -> names.add(p.servicePlanName())));
        }
        return names;
    }

    /** When the person's licenses were assigned: a new starter's a few days before today, others' soon after creation. */
    public static LocalDate assignDate(long seed, SimUser u, LocalDate today) {
        if (ActivityProfile.of(seed, u) == ActivityProfile.Kind.NEW_STARTER && today != null) {
            return today.minusDays(ActivityProfile.newStarterDaysAgo(seed, u));
        }
        return LocalDate.ofInstant(u.createdDateTime, ZoneOffset.UTC).plusDays(1);
    }

    /** The active user detail report of {@code date}: licensed users, then deleted users Microsoft still lists. */
    public static List<ServiceRow> serviceReport(SimulatedTenant t, long seed, LocalDate date, LocalDate today,
                                                 boolean concealed) {
        List<ServiceRow> rows = new ArrayList<>();
        for (SimUser u : t.users()) {
            Set<String> plans = planNames(t, u);
            boolean exchange = plans.stream().anyMatch(EXCHANGE_PLANS::contains);
            boolean sharepoint = plans.stream().anyMatch(SHAREPOINT_PLANS::contains);
            boolean teams = plans.contains("TEAMS1");
            if (!exchange && !sharepoint && !teams) {
                continue;
            }
            LocalDate assigned = assignDate(seed, u, today);
            if (assigned.isAfter(date)) {
                continue; // not licensed yet on that day
            }
            UsageModel.Person p = UsageModel.person(seed, u);
            UsageModel.Habits h = UsageModel.habits(seed, p);
            Map<Service, ServiceFacts> services = new EnumMap<>(Service.class);
            boolean[] licensed = {exchange, sharepoint, sharepoint, teams};
            for (Service s : Service.values()) {
                boolean l = licensed[s.ordinal()];
                services.put(s, new ServiceFacts(l, l ? lastService(seed, u, p, h, s, date) : null, l ? assigned : null));
            }
            rows.add(new ServiceRow(u, name(t, u.userPrincipalName, concealed), concealed
                    ? UsageModel.token("display|" + u.userPrincipalName, t.tenantId()) : u.displayName, false, null,
                    services, plans.contains("YAMMER_ENTERPRISE"), plans.contains("MCOSTANDARD"), products(t, u)));
        }
        int formers = Math.max(2, t.userCount() / 100);
        for (int k = 1; k <= formers; k++) { // deleted users stay in reports for a while, licenses gone
            String upn = "former.employee" + k + "@" + TenantGenerator.DOMAIN;
            Map<Service, ServiceFacts> services = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                services.put(s, new ServiceFacts(false, s == Service.EXCHANGE ? date.minusDays(20 + k) : null, null));
            }
            rows.add(new ServiceRow(null, name(t, upn, concealed), concealed ? UsageModel.token("display|" + upn,
                    t.tenantId()) : "Former Employee " + k, true, date.minusDays(10 + k), services, false, false, ""));
        }
        return rows;
    }

    /** The Copilot usage report as of {@code asOf}: rows only for Copilot seat holders (CONTRACT.md §10.1). */
    public static List<CopilotRow> copilotReport(SimulatedTenant t, long seed, LocalDate asOf, boolean concealed) {
        List<CopilotRow> rows = new ArrayList<>();
        for (SimUser u : t.users()) {
            if (!holdsCopilot(t, u)) {
                continue;
            }
            Map<CopilotApp, LocalDate> apps = copilotApps(seed, u, asOf);
            LocalDate last = apps.values().stream().filter(java.util.Objects::nonNull).max(LocalDate::compareTo)
                    .orElse(null);
            rows.add(new CopilotRow(u, name(t, u.userPrincipalName, concealed), concealed
                    ? UsageModel.token("display|" + u.userPrincipalName, t.tenantId()) : u.displayName, last, apps));
        }
        return rows;
    }

    public static Map<CopilotApp, LocalDate> copilotApps(long seed, SimUser u, LocalDate asOf) {
        Map<CopilotApp, LocalDate> apps = new EnumMap<>(CopilotApp.class);
        ActivityProfile.CopilotHabit habit = ActivityProfile.copilot(seed, u);
        UsageModel.Person p = UsageModel.person(seed, u);
        UsageModel.Habits h = UsageModel.habits(seed, p);
        for (CopilotApp app : CopilotApp.values()) {
            LocalDate last = null;
            if (u.accountEnabled && habit != ActivityProfile.CopilotHabit.UNUSED) {
                for (int i = 0; i < SEARCH_DAYS && last == null; i++) {
                    LocalDate d = asOf.minusDays(i);
                    if (copilotActive(seed, p, h, habit, app, d)) {
                        last = d;
                    }
                }
            }
            apps.put(app, last);
        }
        return apps;
    }

    private static boolean copilotActive(long seed, UsageModel.Person p, UsageModel.Habits h,
                                         ActivityProfile.CopilotHabit habit, CopilotApp app, LocalDate d) {
        SplittableRandom r = new SplittableRandom(UsageModel.mix(seed, p.key(), d.toEpochDay() * 32 + 200 + app.ordinal()));
        if (habit == ActivityProfile.CopilotHabit.CHAT_ONLY) {
            return app == CopilotApp.CHAT && !weekend(d) && r.nextDouble() < 0.5;
        }
        long f = UsageModel.flags(seed, p, h, d);
        if (f == 0) {
            return false;
        }
        return switch (app) {
            case CHAT -> r.nextDouble() < 0.5;
            case TEAMS -> (f & (1L << 5)) != 0 && r.nextDouble() < 0.4;
            case WORD -> (f & (1L << 1)) != 0 && r.nextDouble() < 0.4;
            case EXCEL -> (f & (1L << 2)) != 0 && r.nextDouble() < 0.3;
            case POWERPOINT -> (f & (1L << 3)) != 0 && r.nextDouble() < 0.3;
            case OUTLOOK -> (f & 1L) != 0 && r.nextDouble() < 0.3;
            case ONENOTE -> (f & (1L << 4)) != 0 && r.nextDouble() < 0.2;
            case LOOP -> r.nextDouble() < 0.03;
        };
    }

    private static LocalDate lastService(long seed, SimUser u, UsageModel.Person p, UsageModel.Habits h, Service s,
                                         LocalDate asOf) {
        ActivityProfile.Kind kind = ActivityProfile.of(seed, p.key());
        if (!u.accountEnabled || kind == ActivityProfile.Kind.NEW_STARTER) {
            return null;
        }
        if (h.never() && kind == ActivityProfile.Kind.NORMAL) {
            return null;
        }
        for (int i = 0; i < SEARCH_DAYS; i++) {
            LocalDate d = asOf.minusDays(i);
            if (serviceActive(seed, p, h, kind, s, d)) {
                return d;
            }
        }
        return null;
    }

    static boolean serviceActive(long seed, UsageModel.Person p, UsageModel.Habits h, ActivityProfile.Kind kind,
                                 Service s, LocalDate d) {
        SplittableRandom r = new SplittableRandom(UsageModel.mix(seed, p.key(), d.toEpochDay() * 16 + 100 + s.ordinal()));
        double workday = weekend(d) ? 0.05 : 1.0;
        return switch (kind) {
            case NEW_STARTER -> false;
            case MAIL_ONLY -> s == Service.EXCHANGE && r.nextDouble() < 0.85 * workday;
            case SITES_ONLY -> (s == Service.ONEDRIVE && r.nextDouble() < 0.6 * workday)
                    || (s == Service.SHAREPOINT && r.nextDouble() < 0.7 * workday);
            case NORMAL -> {
                long f = UsageModel.flags(seed, p, h, d);
                yield switch (s) {
                    case TEAMS -> (f & (1L << 5)) != 0;
                    case EXCHANGE -> (f & 1L) != 0 || (f != 0 && r.nextDouble() < 0.15); // a phone's native mail app
                    case ONEDRIVE -> (f & 0b1110L) != 0 && r.nextDouble() < 0.5;
                    case SHAREPOINT -> (f & 0b11111L) != 0 && r.nextDouble() < 0.3;
                };
            }
        };
    }

    /**
     * signInActivity as of {@code today}: the latest day the person did anything, or signed in only; never for some
     * who never did; long ago for disabled accounts.
     */
    public static SignIn signIn(SimulatedTenant t, long seed, SimUser u, LocalDate today) {
        UsageModel.Person p = UsageModel.person(seed, u);
        UsageModel.Habits h = UsageModel.habits(seed, p);
        ActivityProfile.Kind kind = ActivityProfile.of(seed, p.key());
        SplittableRandom who = new SplittableRandom(UsageModel.mix(seed, p.key(), 5));
        boolean signsInOnly = who.nextDouble() < (u.effectiveSkuIds().isEmpty() ? 0.3 : 0.4);
        boolean neverIfIdle = who.nextBoolean();
        LocalDate started = kind == ActivityProfile.Kind.NEW_STARTER ? assignDate(seed, u, today) : null;
        LocalDate last = null;
        if (u.accountEnabled) {
            for (int i = 0; i < 90 && last == null; i++) {
                LocalDate d = today.minusDays(i);
                if (signedIn(seed, p, h, kind, signsInOnly, started, d)) {
                    last = d;
                }
            }
        }
        if (last == null) {
            if (neverIfIdle) {
                return new SignIn(null, null, null);
            }
            last = today.minusDays(100 + who.nextInt(300));
        }
        Instant at = last.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(7 * 3600 + who.nextInt(36_000));
        Instant nonInteractive = who.nextDouble() < 0.3 ? null : at.plusSeconds(7200);
        return new SignIn(at, at, nonInteractive);
    }

    private static boolean signedIn(long seed, UsageModel.Person p, UsageModel.Habits h, ActivityProfile.Kind kind,
                                    boolean signsInOnly, LocalDate started, LocalDate d) {
        if (started != null) {
            return !d.isBefore(started) && !weekend(d);
        }
        SplittableRandom r = new SplittableRandom(UsageModel.mix(seed, p.key(), d.toEpochDay() * 8 + 300));
        if (signsInOnly && !weekend(d) && r.nextDouble() < 0.5) {
            return true;
        }
        if (UsageModel.flags(seed, p, h, d) != 0) {
            return true;
        }
        for (Service s : EnumSet.of(Service.EXCHANGE, Service.ONEDRIVE, Service.SHAREPOINT)) {
            if (serviceActive(seed, p, h, kind, s, d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String name(SimulatedTenant t, String upn, boolean concealed) {
        return concealed ? UsageModel.token(upn, t.tenantId()) : upn;
    }

    /** Assigned Products as the report writes them: product names joined by "+". */
    private static String products(SimulatedTenant t, SimUser u) {
        List<String> names = new ArrayList<>();
        for (UUID sku : u.effectiveSkuIds()) {
            t.sku(sku).ifPresent(s -> names.add(switch (s.skuPartNumber) {
                case "SPE_E3" -> "MICROSOFT 365 E3";
                case "SPE_E5" -> "MICROSOFT 365 E5";
                case "ENTERPRISEPACK" -> "OFFICE 365 E3";
                case "VISIOCLIENT" -> "VISIO PLAN 2";
                case "Microsoft_365_Copilot" -> "MICROSOFT 365 COPILOT";
                case "EMS" -> "ENTERPRISE MOBILITY + SECURITY E3";
                default -> s.skuPartNumber.replace('_', ' ');
            }));
        }
        return String.join("+", names);
    }
}
