package io.m365insights.actions;

import io.m365insights.actions.DirectoryFacts.Holding;
import io.m365insights.actions.DirectoryFacts.SkuFacts;
import io.m365insights.actions.DirectoryFacts.UserFacts;
import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditLog;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.msgraph.MsGraphLicenseToAdd;
import io.m365insights.msgraph.MsGraphWrite;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Removes and assigns licenses: checks what we know first (so a request bound to fail never reaches Microsoft Graph),
 * then asks Graph, then applies the accepted change to our data and audits it in one transaction. A refused or failed
 * request changes nothing here and is audited too. The offboarding policy removes licenses through this same code.
 */
@ApplicationScoped
public class LicenseActions {
    static final Pattern USAGE_LOCATION = Pattern.compile("[A-Za-z]{2}");

    @Inject
    MsGraphClient msGraph;

    @Inject
    DirectoryFacts facts;

    @Inject
    LocalDirectory local;

    @Inject
    AuditLog audit;

    /** Removes the user's direct assignment of the SKU (Graph {@code assignLicense} with {@code removeLicenses}). */
    public LicenseChange unassign(UUID userId, UUID skuId, boolean dryRun, AuditContext ctx) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("userId", userId.toString());
        input.put("skuId", skuId.toString());
        input.put("dryRun", dryRun);
        AuditedStep step = new AuditedStep(audit, ctx, AuditAction.UNASSIGN_LICENSE, dryRun, userId, skuId, input);

        UserFacts user = facts.user(userId).filter(u -> !u.deleted()).orElse(null);
        if (user == null) {
            return step.refused(userNotFound(userId));
        }
        String license = facts.sku(skuId).map(SkuFacts::name).orElse(skuId.toString());
        List<Holding> holdings = facts.holdings(userId, skuId);
        List<UUID> groups = holdings.stream().map(Holding::groupId).filter(java.util.Objects::nonNull).toList();
        boolean direct = holdings.stream().anyMatch(h -> h.groupId() == null);
        step.groups = groups;
        if (!direct && groups.isEmpty()) {
            return step.refused(ActionError.of(ActionErrorCode.LICENSE_NOT_ASSIGNED, user.userPrincipalName()
                    + " does not hold " + license + " (as of the last sync)", "input", "skuId"));
        }
        if (!direct) {
            return step.refused(ActionError.of(ActionErrorCode.LICENSE_INHERITED_FROM_GROUP, user.userPrincipalName()
                    + " holds " + license + " only through group " + String.join(", ", groups.stream()
                    .map(UUID::toString).toList()) + ": Microsoft Graph cannot remove a group-inherited license from "
                    + "the user; remove the user from the group, or the license from the group, instead",
                    "input", "skuId"));
        }
        String what = "the direct assignment of " + license + " from " + user.userPrincipalName()
                + (groups.isEmpty() ? "" : " (who keeps it through group " + String.join(", ",
                groups.stream().map(UUID::toString).toList()) + ")") + "; the account stays "
                + (user.accountEnabled() ? "enabled" : "disabled");
        if (dryRun) {
            return step.succeeded("Would remove " + what + ". Dry run: nothing changed", null);
        }
        MsGraphWrite write;
        try {
            write = msGraph.assignLicenses(userId, List.of(), List.of(skuId));
        } catch (MsGraphException e) {
            return step.failed(GraphRefusals.map(e, GraphRefusals.Write.UNASSIGN_LICENSE), e.requestId());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            local.removeDirect(userId, skuId);
            return step.succeeded("Removed " + what + confirmed(write), write.requestId());
        });
    }

    /**
     * Assigns the SKU directly (Graph {@code assignLicense} with {@code addLicenses}); when {@code usageLocation} is
     * given and differs from the user's, sets it first ({@code PATCH /users/{id}}).
     */
    public LicenseChange assign(UUID userId, UUID skuId, List<UUID> disabledPlanIds, String usageLocation,
                                AuditContext ctx) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("userId", userId.toString());
        input.put("skuId", skuId.toString());
        input.put("disabledPlanIds", disabledPlanIds.stream().map(UUID::toString).toList());
        input.put("usageLocation", usageLocation);
        AuditedStep step = new AuditedStep(audit, ctx, AuditAction.ASSIGN_LICENSE, false, userId, skuId, input);

        UserFacts user = facts.user(userId).filter(u -> !u.deleted()).orElse(null);
        if (user == null) {
            return step.refused(userNotFound(userId));
        }
        SkuFacts sku = facts.sku(skuId).filter(s -> !s.removed()).orElse(null);
        if (sku == null) {
            return step.refused(ActionError.of(ActionErrorCode.UNKNOWN_SKU, "The tenant does not subscribe to "
                    + skuId + " (as of the last sync; if it was bought since, run syncNow first). The licenses "
                    + "query lists the subscribed SKUs", "input", "skuId"));
        }
        for (int i = 0; i < disabledPlanIds.size(); i++) {
            if (!sku.servicePlanIds().contains(disabledPlanIds.get(i))) {
                return step.refused(ActionError.of(ActionErrorCode.INVALID_INPUT, disabledPlanIds.get(i)
                        + " is not a service plan of " + sku.name() + " (License.servicePlans lists them)",
                        "input", "disabledPlanIds", String.valueOf(i)));
            }
        }
        String location = user.usageLocation();
        if (usageLocation != null) {
            if (!USAGE_LOCATION.matcher(usageLocation).matches()) {
                return step.refused(ActionError.of(ActionErrorCode.INVALID_INPUT, "usageLocation must be an ISO 3166 "
                        + "two-letter country code such as \"US\" (was \"" + usageLocation + "\")", "input",
                        "usageLocation"));
            }
            String wanted = usageLocation.toUpperCase(Locale.ROOT);
            if (!wanted.equals(location)) {
                ActionError failed = setUsageLocation(user, wanted, ctx);
                if (failed != null) {
                    return step.refused(failed);
                }
                location = wanted;
            }
        }
        if (location == null) {
            return step.refused(ActionError.of(ActionErrorCode.USAGE_LOCATION_REQUIRED, Messages.USAGE_LOCATION,
                    "input", "usageLocation"));
        }
        boolean holdsAlready = facts.holdings(userId, skuId).stream().anyMatch(Holding::effective);
        if (!holdsAlready && sku.consumedUnits() >= sku.enabledUnits()) {
            return step.refused(ActionError.of(ActionErrorCode.NO_SEATS_AVAILABLE, "All " + sku.enabledUnits()
                    + " seats of " + sku.name() + " are in use (" + sku.consumedUnits() + " assigned, as of the last "
                    + "sync and our changes since): remove it from someone (unassignLicense) or buy more",
                    "input", "skuId"));
        }
        MsGraphWrite write;
        try {
            write = msGraph.assignLicenses(userId, List.of(new MsGraphLicenseToAdd(skuId, disabledPlanIds)), List.of());
        } catch (MsGraphException e) {
            return step.failed(GraphRefusals.map(e, GraphRefusals.Write.ASSIGN_LICENSE), e.requestId());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            local.putDirect(userId, skuId, disabledPlanIds);
            return step.succeeded("Assigned " + sku.name() + " to " + user.userPrincipalName() + " directly"
                    + (disabledPlanIds.isEmpty() ? "" : ", with " + disabledPlanIds.size() + " service plan(s) off")
                    + confirmed(write), write.requestId());
        });
    }

    /** Sets the usage location (its own audited step); null when done, else why not. */
    private ActionError setUsageLocation(UserFacts user, String location, AuditContext ctx) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("userId", user.id().toString());
        input.put("usageLocation", location);
        AuditedStep step = new AuditedStep(audit, ctx, AuditAction.SET_USAGE_LOCATION, false, user.id(), null, input);
        MsGraphWrite write;
        try {
            write = msGraph.setUsageLocation(user.id(), location);
        } catch (MsGraphException e) {
            return step.failed(GraphRefusals.map(e, GraphRefusals.Write.SET_USAGE_LOCATION), e.requestId()).error();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            local.setUsageLocation(user.id(), location);
            step.succeeded("Set the usage location of " + user.userPrincipalName() + " to " + location
                    + (user.usageLocation() == null ? "" : " (was " + user.usageLocation() + ")"), write.requestId());
        });
        return null;
    }

    static ActionError userNotFound(UUID userId) {
        return ActionError.of(ActionErrorCode.USER_NOT_FOUND, "No user " + userId + " (as of the last sync; if the "
                + "user was created since, run syncNow first)", "input", "userId");
    }

    private static String confirmed(MsGraphWrite write) {
        return write.confirmedByReadBack() ? " (Microsoft Graph's first answer was lost; the retry found the change "
                + "already made)" : "";
    }
}
