package io.m365insights.simulator.tenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.m365insights.simulator.tenant.SkuCatalog.*;

/**
 * Generates a realistic tenant, deterministically from a seed: user {@code i} is the same person whatever the tenant
 * size, so a test can regenerate the data it expects. Realism: disabled users, users without mail or department,
 * non-ASCII names, group-inherited and direct licenses (sometimes the same SKU both ways), a failed group assignment
 * (CountViolation), an over-assigned SKU (VISIOCLIENT), a suspended SKU (PROJECTPROFESSIONAL) and one in warning.
 */
public final class TenantGenerator {
    public static final String DOMAIN = "contoso.com";
    public static final String INITIAL_DOMAIN = "contoso.onmicrosoft.com";
    private static final Instant CREATED_FROM = Instant.parse("2018-01-01T00:00:00Z");
    private static final Instant CREATED_TO = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant COPILOT_FROM = Instant.parse("2026-03-02T10:00:00Z");
    /** No assignment changed later than this (real dates: never in the future of the simulator's today). */
    private static final Instant LAST_UPDATE_BY = Instant.parse("2026-09-01T00:00:00Z");
    private static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Human Resources",
            "Legal", "Operations", "Support", "IT", "Executive"};
    private static final String[][] TITLES = {
            {"Account Executive", "Sales Manager", "Sales Development Representative"},
            {"Marketing Specialist", "Content Strategist"},
            {"Software Engineer", "Senior Software Engineer", "Engineering Manager"},
            {"Accountant", "Financial Analyst"}, {"HR Business Partner", "Recruiter"}, {"Counsel"},
            {"Operations Manager", "Logistics Coordinator"}, {"Support Engineer", "Support Lead"},
            {"IT Administrator", "Systems Engineer"}, {"Chief Executive Officer", "Chief Financial Officer"}};
    private static final String[] LOCATIONS = {"US", "US", "US", "US", "US", "US", "US", "US", "US", "GB", "GB", "GB",
            "DE", "DE", "FR", "FR", "JP", "BR", "IN", "IN"};

    private TenantGenerator() {
    }

    public static SimulatedTenant generate(long seed, int userCount) {
        return generate(seed, userCount, null);
    }

    /** @param tenantId keeps a given tenant id (a simulator reset keeps its identity); null derives it from the seed */
    public static SimulatedTenant generate(long seed, int userCount, UUID tenantId) {
        return generate(seed, userCount, tenantId, null);
    }

    /**
     * @param today the simulator's today: new starters' licenses are assigned a few days before it (ActivityProfile);
     *              null leaves their assignment dates as drawn
     */
    public static SimulatedTenant generate(long seed, int userCount, UUID tenantId, java.time.LocalDate today) {
        SplittableRandom tenantRnd = new SplittableRandom(seed);
        UUID derivedTenantId = uuid(tenantRnd);
        if (tenantId == null) {
            tenantId = derivedTenantId;
        }
        List<SimSku> skus = SkuCatalog.newSkus(tenantId, () -> uuid(tenantRnd));
        SimGroup allStaffE3 = new SimGroup(uuid(tenantRnd), "Licensing - All staff - Microsoft 365 E3", SPE_E3);
        SimGroup salesPowerBi = new SimGroup(uuid(tenantRnd), "Licensing - Sales - Power BI Pro", POWER_BI_PRO);
        SimGroup itEms = new SimGroup(uuid(tenantRnd), "Licensing - IT and Engineering - EMS E3", EMS);
        List<SimGroup> groups = List.of(allStaffE3, salesPowerBi, itEms);

        Set<String> upns = new HashSet<>();
        List<SimUser> users = new ArrayList<>(userCount);
        for (int i = 0; i < userCount; i++) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            SimUser u = i < 4 ? persona(i, rnd, upns, groups) : person(rnd, upns, groups);
            if (i >= 4) {
                // drawn from a stream of its own, so that everything drawn before Copilot existed stays the same
                copilot(u, new SplittableRandom(seed * 0x632BE59BD9B4E019L + i));
            }
            if (today != null && ActivityProfile.of(seed, u) == ActivityProfile.Kind.NEW_STARTER) {
                Instant assigned = today.minusDays(ActivityProfile.newStarterDaysAgo(seed, u))
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(9, ChronoUnit.HOURS);
                u.assignments.replaceAll(a -> new SimAssignment(a.skuId(), a.groupId(), a.disabledPlans(), a.state(),
                        a.error(), assigned));
            }
            users.add(u);
        }
        SimulatedTenant tenant = new SimulatedTenant(tenantId, List.of(DOMAIN, INITIAL_DOMAIN), skus, groups, users);
        sizeSubscriptions(tenant);
        return tenant;
    }

    /** A few fixed people at the start of every tenant, so that small tenants show every interesting case. */
    private static SimUser persona(int i, SplittableRandom rnd, Set<String> upns, List<SimGroup> groups) {
        return switch (i) {
            case 0 -> { // non-ASCII name, E3 both through the group and directly
                SimUser u = user(rnd, upns, new Names.PersonName("Zoë", "Ødegård-Núñez", "Zoë Ødegård-Núñez",
                        "zoe.odegard-nunez"), DOMAIN);
                set(u, true, "Engineering", "Senior Software Engineer", "NO", true);
                grant(u, rnd, SPE_E3, groups.get(0).id(), List.of());
                grant(u, rnd, SPE_E3, null, OFTEN_DISABLED_PLANS);
                grant(u, rnd, VISIOCLIENT, null, List.of());
                yield u;
            }
            case 1 -> { // a name in another script
                SimUser u = user(rnd, upns, new Names.PersonName("芳", "王", "王芳", "fang.wang"), DOMAIN);
                set(u, true, "Finance", "Financial Analyst", "CN", true);
                grant(u, rnd, SPE_E3, groups.get(0).id(), List.of());
                yield u;
            }
            case 2 -> { // left the company: disabled, still holding a direct E5 and the group E3
                SimUser u = user(rnd, upns, new Names.PersonName("Jörg", "Müller", "Jörg Müller", "jorg.muller"), DOMAIN);
                set(u, false, "Sales", "Sales Manager", "DE", true);
                grant(u, rnd, SPE_E5, null, List.of());
                grant(u, rnd, SPE_E3, groups.get(0).id(), List.of());
                yield u;
            }
            default -> { // a shared-account style user: no mail, no department, no title, no location, no license
                SimUser u = user(rnd, upns, new Names.PersonName("Meeting Room", "Oslo", "Meeting Room Oslo",
                        "room.oslo"), DOMAIN);
                set(u, true, null, null, null, false);
                yield u;
            }
        };
    }

    private static SimUser person(SplittableRandom rnd, Set<String> upns, List<SimGroup> groups) {
        Names.PersonName name = Names.random(rnd);
        SimUser u = user(rnd, upns, name, rnd.nextDouble() < 0.02 ? INITIAL_DOMAIN : DOMAIN);
        int dept = rnd.nextInt(DEPARTMENTS.length);
        String department = rnd.nextDouble() < 0.10 ? null : DEPARTMENTS[dept];
        String title = rnd.nextDouble() < 0.12 ? null : TITLES[dept][rnd.nextInt(TITLES[dept].length)];
        boolean enabled = rnd.nextDouble() >= 0.07;
        boolean hasMail = rnd.nextDouble() >= 0.08;
        boolean unlicensed = rnd.nextDouble() < 0.08;
        String location = unlicensed && rnd.nextBoolean() ? null : LOCATIONS[rnd.nextInt(LOCATIONS.length)];
        set(u, enabled, department, title, location, hasMail);
        if (unlicensed) {
            return u;
        }
        if (rnd.nextDouble() < 0.72) {
            grant(u, rnd, SPE_E3, groups.get(0).id(), List.of());
            if (rnd.nextDouble() < 0.06) {
                grant(u, rnd, SPE_E3, null, rnd.nextBoolean() ? OFTEN_DISABLED_PLANS : List.of());
            }
        } else if (rnd.nextDouble() < 0.35) {
            grant(u, rnd, SPE_E5, null, List.of());
        } else {
            grant(u, rnd, ENTERPRISEPACK, null, rnd.nextDouble() < 0.3 ? OFTEN_DISABLED_PLANS : List.of());
        }
        if ("Sales".equals(department) && rnd.nextDouble() < 0.9) {
            grant(u, rnd, POWER_BI_PRO, groups.get(1).id(), List.of());
        } else if (rnd.nextDouble() < 0.05) {
            grant(u, rnd, POWER_BI_PRO, null, List.of());
        }
        if (("IT".equals(department) || "Engineering".equals(department)) && rnd.nextDouble() < 0.8) {
            if (rnd.nextDouble() < 0.06) { // the group could not assign it: no seat left
                u.assignments.add(new SimAssignment(EMS, groups.get(2).id(), List.of(), "Error", "CountViolation",
                        lastUpdated(u, rnd)));
            } else {
                grant(u, rnd, EMS, groups.get(2).id(), List.of());
            }
        }
        if (rnd.nextDouble() < 0.04) {
            grant(u, rnd, VISIOCLIENT, null, List.of());
        }
        if (rnd.nextDouble() < 0.025) {
            grant(u, rnd, PROJECTPROFESSIONAL, null, List.of());
        }
        if (rnd.nextDouble() < 0.15) {
            grant(u, rnd, FLOW_FREE, null, List.of());
        }
        if (rnd.nextDouble() < 0.10) {
            grant(u, rnd, POWER_BI_STANDARD, null, List.of());
        }
        if (rnd.nextDouble() < 0.05) {
            grant(u, rnd, AAD_PREMIUM, null, List.of());
        }
        return u;
    }

    /** About 15% of suite holders also hold a Microsoft 365 Copilot seat, assigned directly in 2026. */
    private static void copilot(SimUser u, SplittableRandom rnd) {
        boolean suite = u.effectiveSkuIds().stream().anyMatch(s -> s.equals(SPE_E3) || s.equals(SPE_E5)
                || s.equals(ENTERPRISEPACK));
        if (suite && rnd.nextDouble() < 0.15) {
            u.assignments.add(new SimAssignment(M365_COPILOT, null, List.of(), "Active", null,
                    COPILOT_FROM.plus(rnd.nextInt(0, 120), ChronoUnit.DAYS)));
        }
    }

    /** Seats: some free everywhere, except Visio (over-assigned), Project (suspended) and EMS (exactly full). */
    private static void sizeSubscriptions(SimulatedTenant tenant) {
        for (SimSku sku : tenant.skus()) {
            int consumed = tenant.consumedUnits(sku.skuId);
            if (sku.skuId.equals(VISIOCLIENT)) {
                sku.enabledUnits = Math.max(0, consumed - Math.max(1, consumed / 6));
            } else if (sku.skuId.equals(PROJECTPROFESSIONAL)) {
                sku.capabilityStatus = "Suspended";
                sku.enabledUnits = 0;
                sku.suspendedUnits = consumed + 2;
            } else if (sku.skuId.equals(EMS)) {
                sku.enabledUnits = consumed;
            } else if (sku.skuId.equals(AAD_PREMIUM)) {
                sku.capabilityStatus = "Warning";
                sku.enabledUnits = consumed + 10;
                sku.warningUnits = 10;
            } else {
                sku.enabledUnits = consumed + consumed / 10 + 5;
            }
        }
    }

    private static SimUser user(SplittableRandom rnd, Set<String> upns, Names.PersonName name, String domain) {
        String local = name.upnLocalPart();
        String upn = local + "@" + domain;
        for (int n = 2; !upns.add(upn.toLowerCase()); n++) {
            upn = local + n + "@" + domain;
        }
        long span = CREATED_TO.getEpochSecond() - CREATED_FROM.getEpochSecond();
        Instant created = CREATED_FROM.plusSeconds((long) (rnd.nextDouble() * span));
        return new SimUser(uuid(rnd), upn, name.displayName(), name.given(), name.surname(), created);
    }

    private static void set(SimUser u, boolean enabled, String department, String title, String location,
                            boolean hasMail) {
        u.accountEnabled = enabled;
        u.department = department;
        u.jobTitle = title;
        u.usageLocation = location;
        u.mail = hasMail ? u.userPrincipalName : null;
    }

    private static void grant(SimUser u, SplittableRandom rnd, UUID skuId, UUID groupId, List<UUID> disabledPlans) {
        u.assignments.add(new SimAssignment(skuId, groupId, disabledPlans, "Active", null, lastUpdated(u, rnd)));
    }

    private static Instant lastUpdated(SimUser u, SplittableRandom rnd) {
        Instant drawn = u.createdDateTime.plus(rnd.nextInt(1, 400), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return drawn.isAfter(LAST_UPDATE_BY) ? LAST_UPDATE_BY : drawn;
    }

    /** A random (version 4) UUID drawn from the seeded generator. */
    public static UUID uuid(SplittableRandom rnd) {
        long msb = (rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
