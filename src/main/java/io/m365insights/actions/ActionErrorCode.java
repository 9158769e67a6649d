package io.m365insights.actions;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/**
 * The stable codes of a mutation's userErrors (docs/acting.md lists them), published as the schema enum
 * {@code UserErrorCode}: the names are the strings {@code UserError.code} always carried. Clients branch on these, never
 * on messages.
 */
@Enum("UserErrorCode")
@Description("Why a mutation (or one of its steps) did not happen: stable names that clients branch on.")
public enum ActionErrorCode {
    @Description("An input value is malformed (`field` says which): an e-mail address, a usage location, a service plan.")
    INVALID_INPUT,
    @Description("No such user in our data (as of the last sync) or in Microsoft Graph, or the user is deleted.")
    USER_NOT_FOUND,
    @Description("The tenant does not subscribe to this SKU (as of the last sync, or per Microsoft Graph).")
    UNKNOWN_SKU,
    @Description("The user does not hold this license.")
    LICENSE_NOT_ASSIGNED,
    @Description("The user holds this license only through groups: change the group membership instead (the message "
            + "names them).")
    LICENSE_INHERITED_FROM_GROUP,
    @Description("The user has no usage location, which Microsoft 365 needs before a license can be assigned.")
    USAGE_LOCATION_REQUIRED,
    @Description("Every seat of the SKU is in use.")
    NO_SEATS_AVAILABLE,
    @Description("A user with this user principal name (the e-mail address) already exists.")
    DUPLICATE_USER_PRINCIPAL_NAME,
    @Description("The e-mail address's domain is not a verified domain of the tenant.")
    DOMAIN_NOT_VERIFIED,
    @Description("Microsoft Entra ID refused the password: not complex enough.")
    WEAK_PASSWORD,
    @Description("No such licensing group (as of the last sync; only groups that grant licenses are synced).")
    GROUP_NOT_FOUND,
    @Description("The user is not a member of the group.")
    NOT_A_GROUP_MEMBER,
    @Description("The group has dynamic membership: change its membership rule, not its members (the message shows "
            + "the rule).")
    GROUP_MEMBERSHIP_DYNAMIC,
    @Description("The group is synced from on-premises Active Directory: change its membership there.")
    GROUP_SYNCED_FROM_ON_PREMISES,
    @Description("The group is a mail-enabled security group: change its members in Exchange.")
    GROUP_MAIL_ENABLED,
    @Description("Microsoft Graph refused: the app registration lacks a permission (the message names it).")
    PERMISSION_MISSING,
    @Description("Entra ID refused the app's own credentials (tenant, client id or secret).")
    CREDENTIALS_REJECTED,
    @Description("Microsoft Graph did not answer in time, even after retries (throttling, outage, network). The change "
            + "may or may not have been made; the next sync shows which, and repeating the mutation is safe.")
    GRAPH_UNAVAILABLE,
    @Description("Microsoft Graph refused the request for another reason (its message is included).")
    GRAPH_REJECTED,
    @Description("Microsoft Graph failed (a 5xx other than 503/504, or an answer we could not read).")
    GRAPH_ERROR
}
