package io.m365insights.activity;

import io.m365insights.config.M365Config;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Each SKU's activity rule: the signals that show its seat is used. Defaults from the SKU's service plans, by name
 * (CONTRACT.md §10.1; ids vary between clouds and bundles): a Copilot plan (M365_COPILOT_*) makes a Copilot seat,
 * [COPILOT]; Exchange, SharePoint (and OneDrive with it), Teams and the Office apps make a suite seat, every workload it
 * pays for plus APPS; a SKU with none of these (Power BI, EMS, ...) has only [SIGN_IN]. {@code M365_ACTIVITY_SIGNALS}
 * overrides per part number ({@code SKU_PART=SIGNAL+SIGNAL,...}); a malformed setting stops startup, naming the entry.
 */
@Startup
@ApplicationScoped
public class ActivityRules {
    private final Map<String, List<ActivitySignal>> overrides;

    @Inject
    public ActivityRules(M365Config config) {
        this.overrides = parse(config.activity().signals().orElse(""));
    }

    static Map<String, List<ActivitySignal>> parse(String setting) {
        Map<String, List<ActivitySignal>> rules = new HashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new IllegalArgumentException();
                }
                List<ActivitySignal> signals = new ArrayList<>();
                for (String s : entry.substring(eq + 1).split("\\+")) {
                    ActivitySignal signal = ActivitySignal.valueOf(s.trim().toUpperCase(Locale.ROOT));
                    if (!signals.contains(signal)) {
                        signals.add(signal);
                    }
                }
                rules.put(entry.substring(0, eq).trim().toUpperCase(Locale.ROOT), List.copyOf(signals));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("M365_ACTIVITY_SIGNALS: '" + entry.trim() + "' is not "
                        + "SKU_PART_NUMBER=SIGNAL+SIGNAL with signals among " + EnumSet.allOf(ActivitySignal.class));
            }
        }
        return Map.copyOf(rules);
    }

    /** The rule of a SKU: configured for its part number, else from its service plans. */
    public List<ActivitySignal> rule(String skuPartNumber, Collection<String> planNames) {
        List<ActivitySignal> configured = skuPartNumber == null ? null
                : overrides.get(skuPartNumber.toUpperCase(Locale.ROOT));
        return configured != null ? configured : defaults(planNames);
    }

    /** Whether a SKU's plans make it a Copilot seat. */
    public static boolean isCopilot(Collection<String> planNames) {
        return planNames.stream().anyMatch(p -> p != null && p.toUpperCase(Locale.ROOT).startsWith("M365_COPILOT"));
    }

    static List<ActivitySignal> defaults(Collection<String> planNames) {
        if (isCopilot(planNames)) {
            return List.of(ActivitySignal.COPILOT);
        }
        Set<String> plans = new java.util.HashSet<>();
        planNames.forEach(p -> plans.add(p == null ? "" : p.toUpperCase(Locale.ROOT)));
        boolean exchange = plans.stream().anyMatch(p -> p.startsWith("EXCHANGE_S_"));
        boolean sharepoint = plans.contains("SHAREPOINTENTERPRISE") || plans.contains("SHAREPOINTSTANDARD");
        boolean teams = plans.contains("TEAMS1");
        boolean office = plans.contains("OFFICESUBSCRIPTION") || plans.contains("SHAREPOINTWAC");
        if (!exchange && !sharepoint && !teams && !office) {
            return List.of(ActivitySignal.SIGN_IN);
        }
        List<ActivitySignal> rule = new ArrayList<>(List.of(ActivitySignal.APPS));
        if (exchange) {
            rule.add(ActivitySignal.EXCHANGE);
        }
        if (sharepoint) {
            rule.add(ActivitySignal.ONEDRIVE);
            rule.add(ActivitySignal.SHAREPOINT);
        }
        if (teams) {
            rule.add(ActivitySignal.TEAMS);
        }
        return List.copyOf(rule);
    }
}
