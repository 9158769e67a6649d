package io.m365insights.automation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A user, a SKU or a licensing group the offboarding policy leaves alone, with the reason and, optionally, the last day it applies
 * ({@code until}, inclusive, UTC).
 *
 * @param target a user principal name or object id (USER), a skuId or part number (SKU), a group object id or display
 *               name (GROUP: only the licenses inherited from that group are left alone)
 */
public record Exemption(Kind kind, String target, LocalDate until, String reason) {
    public enum Kind { USER, SKU, GROUP }

    public boolean activeOn(LocalDate day) {
        return until == null || !day.isAfter(until);
    }

    public boolean matchesUser(UUID id, String userPrincipalName) {
        return kind == Kind.USER && (target.equalsIgnoreCase(id.toString())
                || (userPrincipalName != null && target.equalsIgnoreCase(userPrincipalName)));
    }

    public boolean matchesSku(UUID skuId, String skuPartNumber) {
        return kind == Kind.SKU && (target.equalsIgnoreCase(skuId.toString())
                || (skuPartNumber != null && target.equalsIgnoreCase(skuPartNumber)));
    }

    public boolean matchesGroup(UUID groupId, String groupName) {
        return kind == Kind.GROUP && groupId != null && (target.equalsIgnoreCase(groupId.toString())
                || (groupName != null && target.equalsIgnoreCase(groupName)));
    }

    /** How the plan names it, e.g. {@code user exemption "Legal hold" (until 2026-12-31)}. */
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + " exemption for " + target + " \"" + reason + "\""
                + (until == null ? "" : " (until " + until + ")");
    }
}
