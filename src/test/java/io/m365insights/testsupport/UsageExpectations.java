package io.m365insights.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expected usage counts computed independently from the simulator's raw report rows (its control API, not the CSV our
 * parser reads), with plain sets, straight from PRODUCT.md's rules: distinct people per period; SUITE = any of Outlook,
 * Word, Excel, PowerPoint, OneNote (never Teams); only days in [from, to]; periods without data have no point.
 * A "(Unknown)" row is its own person, keyed by its position among the day's "(Unknown)" rows (the documented rule).
 */
public final class UsageExpectations {
    public static final List<String> APPS = List.of("OUTLOOK", "WORD", "EXCEL", "POWERPOINT", "ONENOTE", "TEAMS");
    public static final List<String> PLATFORMS = List.of("WINDOWS", "MAC", "MOBILE", "WEB");

    /** date -> (person -> flags) */
    private final Map<LocalDate, Map<String, Long>> days = new TreeMap<>();

    public void addDay(JsonNode rawDay) {
        Map<String, Long> people = new HashMap<>();
        int unknown = 0;
        for (JsonNode row : rawDay.get("rows")) {
            String upn = row.get("upn").asText();
            String key = upn.equals("(Unknown)") ? "(Unknown)#" + (++unknown) : upn.toLowerCase();
            people.merge(key, row.get("flags").asLong(), (a, b) -> a | b);
        }
        days.put(LocalDate.parse(rawDay.get("date").asText()), people);
    }

    public Set<LocalDate> days() {
        return days.keySet();
    }

    /** Whether a person's flags make them active in (app, platform); platform null = any platform. */
    public static boolean active(long flags, String app, String platform) {
        List<String> members = app.equals("SUITE") ? APPS.subList(0, 5) : List.of(app);
        for (String a : members) {
            int ai = APPS.indexOf(a);
            int bit = platform == null ? ai : 10 + ai * 4 + PLATFORMS.indexOf(platform);
            if ((flags & (1L << bit)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** periodStart -> count of distinct active people, for the days with data within [from, to]. */
    public Map<LocalDate, Integer> expected(LocalDate from, LocalDate to, String granularity, String app, String platform) {
        Map<LocalDate, Set<String>> active = new TreeMap<>();
        for (var e : days.entrySet()) {
            LocalDate d = e.getKey();
            if (d.isBefore(from) || d.isAfter(to)) {
                continue;
            }
            LocalDate start = switch (granularity) {
                case "DAY" -> d;
                case "WEEK" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                default -> d.withDayOfMonth(1);
            };
            Set<String> people = active.computeIfAbsent(start, k -> new HashSet<>());
            e.getValue().forEach((person, flags) -> {
                if (active(flags, app, platform)) {
                    people.add(person);
                }
            });
        }
        Map<LocalDate, Integer> out = new TreeMap<>();
        active.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
