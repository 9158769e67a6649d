package io.m365insights.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for every license assignment of a disabled account, what the offboarding policy does and why: exemptions
 * first, then the grace period (counted from when a sync first saw the account disabled), then direct assignments are
 * removed and group-inherited ones reported as needing a group change (which, in groupMode remove-membership, the
 * policy makes itself for groups whose membership Microsoft Graph can change). Pure: the same inputs give the same
 * plan.
 */
final class OffboardingPlanner {
    private OffboardingPlanner() {
    }

    static List<PlanItem> plan(List<Candidate> candidates, List<Exemption> exemptions, int graceDays, Instant now) {
        return plan(candidates, exemptions, graceDays, now, false);
    }

    /** {@code removeMembership}: groupMode remove-membership (the reasons say who makes the group change). */
    static List<PlanItem> plan(List<Candidate> candidates, List<Exemption> exemptions, int graceDays, Instant now,
                               boolean removeMembership) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<PlanItem> items = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            items.add(new PlanItem(c, action(c, exemptions, today, graceDays, now), null));
        }
        List<PlanItem> explained = new ArrayList<>(items.size());
        for (PlanItem item : items) {
            explained.add(new PlanItem(item.assignment(), item.action(),
                    reason(item, candidates, exemptions, today, graceDays, removeMembership)));
        }
        return explained;
    }

    private static OffboardingAction action(Candidate c, List<Exemption> exemptions, LocalDate today, int graceDays,
                                     Instant now) {
        if (exemption(c, exemptions, today, true).isPresent()) {
            return OffboardingAction.EXEMPT;
        }
        if (!pastGrace(c, graceDays, now)) {
            return OffboardingAction.WAITING;
        }
        return c.groupId() == null ? OffboardingAction.REMOVE : OffboardingAction.NEEDS_GROUP_CHANGE;
    }

    private static String reason(PlanItem item, List<Candidate> all, List<Exemption> exemptions, LocalDate today,
                                 int graceDays, boolean removeMembership) {
        Candidate c = item.assignment();
        String since = "disabled since " + c.disabledSince().toLocalDate() + " (first seen disabled by a sync)";
        return switch (item.action()) {
            case EXEMPT -> "Exempt: " + exemption(c, exemptions, today, true).orElseThrow().describe() + "; " + since;
            case WAITING -> "Waiting: " + since + "; the " + graceDays + "-day grace period ends "
                    + eligibleAt(c, graceDays).atOffset(ZoneOffset.UTC).toLocalDate();
            case NEEDS_GROUP_CHANGE -> "Needs a group change: " + c.license() + " is inherited from group "
                    + c.group() + ", which Microsoft Graph cannot remove from the user; "
                    + (removeMembership && c.groupChangeable() ? "the policy removes the user from the group "
                    + "(groupMode remove-membership) and a later sync confirms the license went. "
                    : removeMembership ? "the policy cannot change this group's membership through Microsoft Graph "
                    + "(dynamic, synced from on-premises or mail-enabled): change it where it is managed. "
                    : "remove the user from the group (or the license from the group). ")
                    + capitalize(since) + lapsed(c, exemptions, today);
            case REMOVE -> "Remove the direct assignment of " + c.license() + ": " + since + ", more than "
                    + graceDays + " day(s) ago" + lapsed(c, exemptions, today) + alsoThroughGroup(c, all);
        };
    }

    private static boolean pastGrace(Candidate c, int graceDays, Instant now) {
        return now.isAfter(eligibleAt(c, graceDays));
    }

    private static Instant eligibleAt(Candidate c, int graceDays) {
        return c.disabledSince().toInstant().plus(Duration.ofDays(graceDays));
    }

    private static Optional<Exemption> exemption(Candidate c, List<Exemption> exemptions, LocalDate today,
                                                 boolean active) {
        return exemptions.stream()
                .filter(e -> e.matchesUser(c.userId(), c.userPrincipalName()) || e.matchesSku(c.skuId(),
                        c.skuPartNumber()) || e.matchesGroup(c.groupId(), c.groupName()))
                .filter(e -> e.activeOn(today) == active)
                .findFirst();
    }

    private static String lapsed(Candidate c, List<Exemption> exemptions, LocalDate today) {
        return exemption(c, exemptions, today, false).map(e -> " (the " + e.describe() + " has expired)").orElse("");
    }

    private static String alsoThroughGroup(Candidate c, List<Candidate> all) {
        List<String> groups = all.stream()
                .filter(o -> o.userId().equals(c.userId()) && o.skuId().equals(c.skuId()) && o.groupId() != null)
                .map(o -> o.groupId().toString()).filter(Objects::nonNull).toList();
        return groups.isEmpty() ? "" : "; the user keeps " + c.license() + " through group " + String.join(", ", groups)
                + " until that changes";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
