package io.m365insights.actions;

import io.m365insights.msgraph.MsGraphException;

import java.util.Locale;

/**
 * Turns a Microsoft Graph failure of a write into a userError. By Graph's {@code error.code} (through
 * {@link io.m365insights.msgraph.MsGraphErrorKind}), never by status alone.
 *
 * <p>One code is ambiguous: Graph answers many different refusals with {@code 400 Request_BadRequest} (CONTRACT.md
 * §5-6): no usage location, no free seat, an unknown SKU, a group-inherited license, a duplicate user principal name,
 * an unverified domain, a weak password. Those are told apart by a stable fragment of Graph's message, as the only
 * thing that differs. That part is unverified: the messages are documented or captured in public code (CONTRACT.md),
 * not a contract, and for the unknown SKU and the group-inherited license even the code is unverified. Most of these
 * cases never reach Graph (the actions check our data first), and a duplicate user principal name is confirmed by
 * looking the user up. A 400 that matches no fragment is GRAPH_REJECTED with Graph's own message, so a changed
 * message degrades to a less specific code, never to a wrong success.
 */
final class GraphRefusals {
    private GraphRefusals() {
    }

    /** Which write failed: it decides the permission to name and how a 400 reads. */
    enum Write {
        ASSIGN_LICENSE("LicenseAssignment.ReadWrite.All"),
        UNASSIGN_LICENSE("LicenseAssignment.ReadWrite.All"),
        SET_USAGE_LOCATION("User.ReadWrite.All"),
        CREATE_USER("User.ReadWrite.All"),
        REMOVE_GROUP_MEMBER("GroupMember.ReadWrite.All"),
        REPROCESS_LICENSES("User.ReadWrite.All");

        final String permission;

        Write(String permission) {
            this.permission = permission;
        }
    }

    static ActionError map(MsGraphException e, Write write) {
        String graphSays = " (Microsoft Graph: " + (e.code() == null || e.code().isBlank() ? "HTTP " + e.status()
                : e.code()) + (graphMessage(e).isBlank() ? "" : ": " + graphMessage(e)) + ")";
        return switch (e.kind()) {
            case NOT_FOUND -> write == Write.REMOVE_GROUP_MEMBER ? ActionError.of(ActionErrorCode.NOT_A_GROUP_MEMBER,
                    "Microsoft Graph has no such membership: the user is no longer a member, or the group or user was "
                            + "deleted since the last sync" + graphSays, "input", "userId")
                    : ActionError.of(ActionErrorCode.USER_NOT_FOUND,
                    "Microsoft Graph has no such user (deleted since the last sync?)" + graphSays);
            case FORBIDDEN -> ActionError.of(ActionErrorCode.PERMISSION_MISSING, "Microsoft Graph refused: grant the "
                    + "app registration the application permission " + write.permission + " (with admin consent)"
                    + graphSays);
            case CREDENTIALS_REJECTED -> ActionError.of(ActionErrorCode.CREDENTIALS_REJECTED, e.getMessage());
            case THROTTLED, UNAVAILABLE, NETWORK, UNAUTHENTICATED -> ActionError.of(ActionErrorCode.GRAPH_UNAVAILABLE,
                    "Microsoft Graph did not answer, even after retries; the change may or may not have been made: "
                            + "the next sync shows which, and repeating this mutation is safe" + graphSays);
            case SERVER_ERROR, UNEXPECTED -> ActionError.of(ActionErrorCode.GRAPH_ERROR,
                    "Microsoft Graph failed; the next sync shows whether anything changed" + graphSays);
            case BAD_REQUEST, INVALID_ARGUMENT -> badRequest(e, write, graphSays);
        };
    }

    private static ActionError badRequest(MsGraphException e, Write write, String graphSays) {
        String m = graphMessage(e).toLowerCase(Locale.ROOT);
        switch (write) {
            case ASSIGN_LICENSE -> {
                if (m.contains("usage location")) {
                    return ActionError.of(ActionErrorCode.USAGE_LOCATION_REQUIRED, Messages.USAGE_LOCATION + graphSays,
                            "input", "usageLocation");
                }
                if (m.contains("does not have any available licenses")) {
                    return ActionError.of(ActionErrorCode.NO_SEATS_AVAILABLE, "Every seat of this license is in use; "
                            + "free one or buy more" + graphSays, "input", "skuId");
                }
                if (m.contains("does not correspond to a valid company license")) {
                    return ActionError.of(ActionErrorCode.UNKNOWN_SKU, "The tenant does not subscribe to this license"
                            + graphSays, "input", "skuId");
                }
            }
            case UNASSIGN_LICENSE -> {
                if (m.contains("inherited from a group")) {
                    return ActionError.of(ActionErrorCode.LICENSE_INHERITED_FROM_GROUP, "The user holds this license "
                            + "through a group only; remove the user from the group instead" + graphSays,
                            "input", "skuId");
                }
                if (m.contains("does not have a corresponding license")) {
                    return ActionError.of(ActionErrorCode.LICENSE_NOT_ASSIGNED, "The user does not hold this license"
                            + graphSays, "input", "skuId");
                }
            }
            case CREATE_USER -> {
                if (m.contains("userprincipalname already exists")) {
                    return ActionError.of(ActionErrorCode.DUPLICATE_USER_PRINCIPAL_NAME, "A user with this e-mail "
                            + "address (user principal name) already exists" + graphSays, "input", "email");
                }
                if (m.contains("domain portion of the userprincipalname")) {
                    return ActionError.of(ActionErrorCode.DOMAIN_NOT_VERIFIED, "The e-mail address's domain is not a "
                            + "verified domain of the tenant (Microsoft 365 admin center › Settings › Domains)"
                            + graphSays, "input", "email");
                }
                if (m.contains("password complexity")) {
                    return ActionError.of(ActionErrorCode.WEAK_PASSWORD, Messages.WEAK_PASSWORD + graphSays,
                            "input", "password");
                }
            }
            case REMOVE_GROUP_MEMBER -> { // the messages are unverified (docs/msgraph/CONTRACT.md records none)
                String group = "The group";
                if (m.contains("dynamic")) {
                    return ActionError.of(ActionErrorCode.GROUP_MEMBERSHIP_DYNAMIC, Messages.dynamicGroup(group, null)
                            + graphSays, "input", "groupId");
                }
                if (m.contains("on-premises mastered")) {
                    return ActionError.of(ActionErrorCode.GROUP_SYNCED_FROM_ON_PREMISES,
                            Messages.onPremisesGroup(group) + graphSays, "input", "groupId");
                }
                if (m.contains("mail-enabled security")) {
                    return ActionError.of(ActionErrorCode.GROUP_MAIL_ENABLED, Messages.mailEnabledGroup(group)
                            + graphSays, "input", "groupId");
                }
            }
            case REPROCESS_LICENSES -> {
                // no specific 400 known
            }
            case SET_USAGE_LOCATION -> {
                return ActionError.of(ActionErrorCode.INVALID_INPUT, "Microsoft Graph refused this usage location"
                        + graphSays, "input", "usageLocation");
            }
        }
        return ActionError.of(ActionErrorCode.GRAPH_REJECTED, "Microsoft Graph refused the request" + graphSays);
    }

    private static String graphMessage(MsGraphException e) {
        return e.graphMessage() == null ? "" : e.graphMessage();
    }
}
