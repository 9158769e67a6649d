package io.m365insights.msgraph;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What m365-insights reads from (and, later, writes to) Microsoft Graph. Every method throws
 * {@link MsGraphException} once retries are exhausted or the fault is permanent.
 */
public interface MsGraphClient {

    /** The user properties we store: exactly these are requested with {@code $select}. */
    List<String> USER_FIELDS = List.of("id", "userPrincipalName", "displayName", "mail", "accountEnabled",
            "department", "jobTitle", "usageLocation", "createdDateTime", "licenseAssignmentStates");

    /** Largest page Microsoft Graph serves for {@code /users}. */
    int USERS_PAGE_SIZE = 999;

    /**
     * Lists every user, handing each page to {@code page} as it arrives (following {@code @odata.nextLink}), so memory
     * stays bounded whatever the tenant size. If a page fails, the exception ends the listing.
     */
    void listUsers(Consumer<List<MsGraphUser>> page);

    List<MsGraphSku> listSubscribedSkus();

    /** {@code GET /directory/subscriptions}, every page: the tenant's subscriptions (Organization.Read.All). */
    List<MsGraphSubscription> listSubscriptions();

    /** The group properties the licensing-group listing asks for ({@code $select}). */
    List<String> GROUP_FIELDS = List.of("id", "displayName", "assignedLicenses", "groupTypes", "mailEnabled",
            "securityEnabled", "onPremisesSyncEnabled", "membershipRule");

    /**
     * Every group that carries a license: the advanced query {@code GET /groups?$filter=assignedLicenses/$count ne 0
     * &$count=true&$select=GROUP_FIELDS} with header {@code ConsistencyLevel: eventual} on every page (Group.Read.All).
     */
    List<MsGraphLicensingGroup> listLicensingGroups();

    /** The user ids among a group's members ({@code GET /groups/{id}/members?$select=id&$top=999}, every page). */
    List<UUID> listGroupMembers(UUID groupId);

    /**
     * Downloads the Microsoft 365 Apps user detail report of one day (CSV, via a 302 to a pre-authenticated URL).
     * {@code beforeEachAttempt} runs before every request, retries included (report requests are paced);
     * {@code reader} reads the body of each attempt; an IOException while reading is a network fault and retried.
     */
    <T> T m365AppUserDetail(LocalDate date, Runnable beforeEachAttempt, ReportReader<T> reader);

    /** The Microsoft 365 active user detail report of one day (CSV via a 302), like {@link #m365AppUserDetail}. */
    <T> T office365ActiveUserDetail(LocalDate date, Runnable beforeEachAttempt, ReportReader<T> reader);

    /** The Microsoft 365 Copilot usage user detail report, period D7 (v1.0 {@code /copilot/reports}, CSV via a 302). */
    <T> T copilotUsageUserDetail(Runnable beforeEachAttempt, ReportReader<T> reader);

    /** Page size of the sign-in listing: Microsoft serves at most 500 users a page with signInActivity. */
    int SIGN_INS_PAGE_SIZE = 500;

    /**
     * Lists every user's signInActivity ({@code $select=id,signInActivity}), a page at a time; {@code beforeEachRequest}
     * runs before every request, retries included (the listing is limited to 10 requests a minute).
     */
    void listSignIns(Runnable beforeEachRequest, Consumer<List<MsGraphSignIn>> page);

    /** The tenant's "display concealed names" report setting; empty when the app may not read it. */
    Optional<Boolean> reportNamesConcealed();

    @FunctionalInterface
    interface ReportReader<T> {
        T read(InputStream body) throws IOException;
    }

    // ---- Reads and writes for the actions (CONTRACT.md §4-6). Writes are retried like reads; each one is safe to
    // ---- repeat: a retry whose first attempt took effect is confirmed by reading the user back.

    /** {@code GET /users/{id | userPrincipalName}} with {@link #USER_FIELDS}; empty when Graph has no such user. */
    Optional<MsGraphUser> findUser(String idOrUserPrincipalName);

    /**
     * {@code POST /users/{id}/assignLicense}: adds and removes direct licenses in one request. Both lists are always
     * sent, empty or not (Graph answers 400 when either is missing).
     */
    MsGraphWrite assignLicenses(UUID userId, List<MsGraphLicenseToAdd> add, List<UUID> remove);

    /** {@code PATCH /users/{id}} with {@code usageLocation} (needed before a license can be assigned). */
    MsGraphWrite setUsageLocation(UUID userId, String usageLocation);

    /**
     * {@code DELETE /groups/{groupId}/members/{userId}/$ref} (CONTRACT.md §10.5, {@code GroupMember.ReadWrite.All}):
     * the membership goes at once, the licenses it granted asynchronously.
     */
    MsGraphWrite removeGroupMember(UUID groupId, UUID userId);

    /** {@code POST /users/{id}/reprocessLicenseAssignment}: re-evaluates the user's group-based licenses. */
    MsGraphWrite reprocessLicenseAssignment(UUID userId);

    /** {@code POST /users}, with {@code forceChangePasswordNextSignIn} true. */
    MsGraphCreatedUser createUser(MsGraphNewUser user);
}
