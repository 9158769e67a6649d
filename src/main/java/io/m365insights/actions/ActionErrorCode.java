package io.m365insights.actions;

/**
 * The stable codes of a mutation's userErrors (the README lists them). Clients branch on these, never on messages.
 */
public enum ActionErrorCode {
    /** An input value is malformed (the field says which): an e-mail address, a usage location, a service plan. */
    INVALID_INPUT,
    /** No such user in our data (as of the last sync) or in Microsoft Graph, or the user is deleted. */
    USER_NOT_FOUND,
    /** The tenant does not subscribe to this SKU (as of the last sync, or per Microsoft Graph). */
    UNKNOWN_SKU,
    /** The user does not hold this license. */
    LICENSE_NOT_ASSIGNED,
    /** The user holds this license only through group(s): change the group membership instead (message names them). */
    LICENSE_INHERITED_FROM_GROUP,
    /** The user has no usage location, which Microsoft 365 needs before a license can be assigned. */
    USAGE_LOCATION_REQUIRED,
    /** Every seat of the SKU is in use. */
    NO_SEATS_AVAILABLE,
    /** A user with this user principal name (the e-mail address) already exists. */
    DUPLICATE_USER_PRINCIPAL_NAME,
    /** The e-mail address's domain is not a verified domain of the tenant. */
    DOMAIN_NOT_VERIFIED,
    /** Microsoft Entra ID refused the password: not complex enough. */
    WEAK_PASSWORD,
    /** Microsoft Graph refused: the app registration lacks a permission (the message names it). */
    PERMISSION_MISSING,
    /** Entra ID refused the app's own credentials (tenant, client id or secret). */
    CREDENTIALS_REJECTED,
    /**
     * Microsoft Graph did not answer in time, even after retries (throttling, outage, network). The change may or may
     * not have been made; the next sync shows which, and repeating the mutation is safe.
     */
    GRAPH_UNAVAILABLE,
    /** Microsoft Graph refused the request for another reason (its message is included). */
    GRAPH_REJECTED,
    /** Microsoft Graph failed (a 5xx other than 503/504, or an answer we could not read). */
    GRAPH_ERROR
}
