package io.m365insights.automation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code m365.offboarding.exemptions} ({@code M365_OFFBOARDING_EXEMPTIONS}): one string, so it works as an
 * environment variable, a Kubernetes ConfigMap entry or a properties line alike. Entries are separated by {@code ;} (or
 * new lines); each is comma-separated {@code key=value} pairs, {@code reason} last so that it may contain commas:
 * <pre>
 * user=jorg.muller@contoso.com, until=2026-12-31, reason=Legal hold, case 4711; sku=POWER_BI_PRO, reason=Reports stay;
 * group=Licensing - Board - E5, reason=Board keeps its seats
 * </pre>
 * A {@code group=} (object id or display name) exempts only the licenses inherited from that group.
 * A malformed entry stops startup with a message naming it.
 */
final class ExemptionParser {
    private static final Pattern REASON = Pattern.compile("(?i)(?:^|,)\\s*reason\\s*=");
    static final String FORMAT = "user=<user principal name or object id> | sku=<skuId or part number> | "
            + "group=<group object id or display name>, "
            + "[until=YYYY-MM-DD,] reason=<text>; entries separated by ';'";

    private static final String ONE_TARGET = "give exactly one of user=, sku= or group=";

    private ExemptionParser() {
    }

    static List<Exemption> parse(String value) {
        List<Exemption> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        String[] entries = value.split("[;\\n]");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (!entry.isEmpty()) {
                out.add(entry(entry, i + 1));
            }
        }
        return out;
    }

    private static Exemption entry(String entry, int n) {
        Matcher r = REASON.matcher(entry);
        if (!r.find() || entry.substring(r.end()).isBlank()) {
            throw invalid(n, entry, "reason= is required (and comes last)");
        }
        String reason = entry.substring(r.end()).trim();
        Exemption.Kind kind = null;
        String target = null;
        LocalDate until = null;
        for (String pair : entry.substring(0, r.start()).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw invalid(n, entry, "'" + pair.trim() + "' is not key=value");
            }
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String val = pair.substring(eq + 1).trim();
            switch (key) {
                case "user", "sku", "group" -> {
                    if (kind != null) {
                        throw invalid(n, entry, ONE_TARGET);
                    }
                    if (val.isEmpty()) {
                        throw invalid(n, entry, key + "= is empty");
                    }
                    kind = Exemption.Kind.valueOf(key.toUpperCase(Locale.ROOT));
                    target = val;
                }
                case "until" -> {
                    try {
                        until = LocalDate.parse(val);
                    } catch (DateTimeParseException e) {
                        throw invalid(n, entry, "until must be a date YYYY-MM-DD (was '" + val + "')");
                    }
                }
                default -> throw invalid(n, entry, "unknown key '" + key + "'");
            }
        }
        if (kind == null) {
            throw invalid(n, entry, ONE_TARGET);
        }
        return new Exemption(kind, target, until, reason);
    }

    private static IllegalArgumentException invalid(int n, String entry, String problem) {
        return new IllegalArgumentException("m365.offboarding.exemptions (M365_OFFBOARDING_EXEMPTIONS), entry " + n
                + " \"" + entry + "\": " + problem + ". Format: " + FORMAT);
    }
}
