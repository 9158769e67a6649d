package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.simulator.tenant.SimAssignment;
import io.m365insights.simulator.tenant.SimSku;
import io.m365insights.simulator.tenant.SimUser;
import io.m365insights.simulator.tenant.SimulatedTenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Renders tenant objects in Microsoft Graph's JSON shapes (CONTRACT.md §3–4). */
final class GraphJson {
    private GraphJson() {
    }

    /** Properties {@code GET /users} returns without {@code $select} (CONTRACT.md §4). */
    static final List<String> DEFAULT_USER_PROPERTIES = List.of("businessPhones", "displayName", "givenName", "id",
            "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName");
    /** Every user property the simulator can render. */
    static final Set<String> USER_PROPERTIES = Set.of("id", "userPrincipalName", "displayName", "givenName", "surname",
            "mail", "accountEnabled", "department", "jobTitle", "usageLocation", "createdDateTime", "assignedLicenses",
            "licenseAssignmentStates", "businessPhones", "mobilePhone", "officeLocation", "preferredLanguage",
            "mailNickname", "signInActivity");

    static ObjectNode user(SimUser u, List<String> select) {
        ObjectNode n = Json.object();
        for (String p : select) {
            switch (p) {
                case "id" -> n.put(p, u.id.toString());
                case "userPrincipalName" -> n.put(p, u.userPrincipalName);
                case "displayName" -> n.put(p, u.displayName);
                case "givenName" -> n.put(p, u.givenName);
                case "surname" -> n.put(p, u.surname);
                case "mail" -> n.put(p, u.mail);
                case "mailNickname" -> n.put(p, u.userPrincipalName.substring(0, u.userPrincipalName.indexOf('@')));
                case "accountEnabled" -> n.put(p, u.accountEnabled);
                case "department" -> n.put(p, u.department);
                case "jobTitle" -> n.put(p, u.jobTitle);
                case "usageLocation" -> n.put(p, u.usageLocation);
                case "createdDateTime" -> n.put(p, u.createdDateTime.toString());
                case "assignedLicenses" -> n.set(p, assignedLicenses(u));
                case "licenseAssignmentStates" -> n.set(p, assignmentStates(u));
                case "businessPhones" -> n.set(p, Json.array());
                default -> n.putNull(p);
            }
        }
        return n;
    }

    /** One entry per SKU that took effect; a plan counts as disabled only if every assignment of the SKU disables it. */
    private static ArrayNode assignedLicenses(SimUser u) {
        Map<UUID, List<UUID>> disabled = new LinkedHashMap<>();
        for (SimAssignment a : u.assignments) {
            if (a.effective()) {
                disabled.merge(a.skuId(), new ArrayList<>(a.disabledPlans()), (x, y) -> {
                    x.retainAll(y);
                    return x;
                });
            }
        }
        ArrayNode arr = Json.array();
        disabled.forEach((sku, plans) -> {
            ObjectNode l = arr.addObject();
            ArrayNode dp = l.putArray("disabledPlans");
            plans.forEach(p -> dp.add(p.toString()));
            l.put("skuId", sku.toString());
        });
        return arr;
    }

    private static ArrayNode assignmentStates(SimUser u) {
        ArrayNode arr = Json.array();
        for (SimAssignment a : u.assignments) {
            ObjectNode s = arr.addObject();
            s.put("assignedByGroup", a.groupId() == null ? null : a.groupId().toString());
            ArrayNode dp = s.putArray("disabledPlans");
            a.disabledPlans().forEach(p -> dp.add(p.toString()));
            // CONTRACT.md: error is null on success (some real tenants send "None"; our parser accepts both).
            s.put("error", a.error());
            s.put("lastUpdatedDateTime", a.lastUpdated().toString());
            s.put("skuId", a.skuId().toString());
            s.put("state", a.state());
        }
        return arr;
    }

    static ObjectNode subscribedSku(SimulatedTenant tenant, SimSku s) {
        ObjectNode n = Json.object();
        n.put("accountId", tenant.tenantId().toString());
        n.put("accountName", "Contoso");
        n.put("appliesTo", s.appliesTo);
        n.put("capabilityStatus", s.capabilityStatus);
        n.put("consumedUnits", tenant.consumedUnits(s.skuId));
        n.put("id", tenant.tenantId() + "_" + s.skuId);
        ObjectNode prepaid = n.putObject("prepaidUnits");
        prepaid.put("enabled", s.enabledUnits);
        prepaid.put("lockedOut", s.lockedOutUnits);
        prepaid.put("suspended", s.suspendedUnits);
        prepaid.put("warning", s.warningUnits);
        ArrayNode plans = n.putArray("servicePlans");
        for (SimSku.SimServicePlan p : s.servicePlans) {
            plans.addObject().put("servicePlanId", p.servicePlanId().toString()).put("servicePlanName", p.servicePlanName())
                    .put("provisioningStatus", "Success").put("appliesTo", p.appliesTo());
        }
        n.put("skuId", s.skuId.toString());
        n.put("skuPartNumber", s.skuPartNumber);
        n.putArray("subscriptionIds").add(s.subscriptionId.toString());
        return n;
    }
}
