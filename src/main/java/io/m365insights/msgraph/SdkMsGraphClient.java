package io.m365insights.msgraph;

import com.microsoft.graph.models.AdminReportSettings;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.CompanySubscription;
import com.microsoft.graph.models.CompanySubscriptionCollectionResponse;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.SubscribedSkuCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** {@link MsGraphClient} on the Microsoft Graph Java SDK; every call goes through {@link MsGraphRequests}. */
@ApplicationScoped
public class SdkMsGraphClient implements MsGraphClient {
    private final GraphServiceClient graph;
    private final MsGraphRequests requests;
    private final MsGraphUserCalls userCalls;

    @Inject
    public SdkMsGraphClient(GraphServiceClient graph, MsGraphRequests requests, java.time.Clock clock) {
        this.graph = graph;
        this.requests = requests;
        this.userCalls = new MsGraphUserCalls(graph, requests, clock);
    }

    /** Pages read as JSON ({@link MsGraphJsonPages}): the SDK builds and sends each request, its models are skipped. */
    @Override
    public void listUsers(Consumer<List<MsGraphUser>> page) {
        MsGraphJsonPages.Page response = requests.execute("list users", () -> MsGraphJsonPages.get(
                graph.getRequestAdapter(), graph.users().toGetRequestInformation(rc -> {
                    rc.queryParameters.select = USER_FIELDS.toArray(String[]::new);
                    rc.queryParameters.top = USERS_PAGE_SIZE;
                })));
        while (true) {
            List<MsGraphUser> users = new ArrayList<>(response.items().size());
            response.items().forEach(u -> users.add(MsGraphJsonPages.user(u)));
            page.accept(users);
            String next = response.nextLink();
            if (next == null) {
                return;
            }
            response = requests.execute("list users (next page)", () -> MsGraphJsonPages.get(graph.getRequestAdapter(),
                    graph.users().withUrl(next).toGetRequestInformation()));
        }
    }

    @Override
    public List<MsGraphSku> listSubscribedSkus() {
        SubscribedSkuCollectionResponse response = requests.execute("list subscribedSkus",
                () -> graph.subscribedSkus().get());
        List<MsGraphSku> skus = new ArrayList<>();
        if (response != null && response.getValue() != null) {
            for (SubscribedSku s : response.getValue()) {
                skus.add(toSku(s));
            }
        }
        return skus;
    }

    @Override
    public List<MsGraphSubscription> listSubscriptions() {
        List<MsGraphSubscription> out = new ArrayList<>();
        CompanySubscriptionCollectionResponse page = requests.execute("list subscriptions",
                () -> graph.directory().subscriptions().get());
        while (page != null) {
            if (page.getValue() != null) {
                page.getValue().forEach(s -> out.add(toSubscription(s)));
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : requests.execute("list subscriptions (next page)",
                    () -> graph.directory().subscriptions().withUrl(next).get());
        }
        return out;
    }

    @Override
    public List<MsGraphLicensingGroup> listLicensingGroups() {
        List<MsGraphLicensingGroup> out = new ArrayList<>();
        GroupCollectionResponse page = requests.execute("list licensing groups", () -> graph.groups().get(rc -> {
            rc.queryParameters.filter = "assignedLicenses/$count ne 0";
            rc.queryParameters.count = true;
            rc.queryParameters.select = GROUP_FIELDS.toArray(String[]::new);
            rc.headers.add("ConsistencyLevel", "eventual");
        }));
        while (page != null) {
            if (page.getValue() != null) {
                page.getValue().forEach(g -> out.add(toGroup(g)));
            }
            String next = page.getOdataNextLink();
            // the header is not carried into the nextLink: every page sends it again (CONTRACT.md §4)
            page = next == null ? null : requests.execute("list licensing groups (next page)",
                    () -> graph.groups().withUrl(next).get(rc -> rc.headers.add("ConsistencyLevel", "eventual")));
        }
        return out;
    }

    /** Pages read as JSON ({@link MsGraphJsonPages}), as the users are. */
    @Override
    public List<UUID> listGroupMembers(UUID groupId) {
        List<UUID> out = new ArrayList<>();
        String id = groupId.toString();
        MsGraphJsonPages.Page page = requests.execute("list group members", () -> MsGraphJsonPages.get(
                graph.getRequestAdapter(), graph.groups().byGroupId(id).members().toGetRequestInformation(rc -> {
                    rc.queryParameters.select = new String[]{"id"};
                    rc.queryParameters.top = USERS_PAGE_SIZE;
                })));
        while (true) {
            for (var member : page.items()) {
                UUID user = MsGraphJsonPages.userMemberId(member); // nested groups and devices inherit no license
                if (user != null) {
                    out.add(user);
                }
            }
            String next = page.nextLink();
            if (next == null) {
                return out;
            }
            page = requests.execute("list group members (next page)", () -> MsGraphJsonPages.get(
                    graph.getRequestAdapter(), graph.groups().byGroupId(id).members().withUrl(next)
                            .toGetRequestInformation()));
        }
    }

    private static MsGraphLicensingGroup toGroup(Group g) {
        List<UUID> skus = g.getAssignedLicenses() == null ? List.of() : g.getAssignedLicenses().stream()
                .map(AssignedLicense::getSkuId).filter(Objects::nonNull).toList();
        return new MsGraphLicensingGroup(UUID.fromString(g.getId()), g.getDisplayName(), skus,
                g.getGroupTypes() == null ? List.of() : g.getGroupTypes().stream().filter(Objects::nonNull).toList(),
                Boolean.TRUE.equals(g.getMailEnabled()), Boolean.TRUE.equals(g.getSecurityEnabled()),
                Boolean.TRUE.equals(g.getOnPremisesSyncEnabled()), g.getMembershipRule());
    }

    private static MsGraphSubscription toSubscription(CompanySubscription s) {
        return new MsGraphSubscription(UUID.fromString(s.getId()), s.getCommerceSubscriptionId(),
                s.getSkuId() == null || s.getSkuId().isBlank() ? null : UUID.fromString(s.getSkuId()), s.getSkuPartNumber(),
                s.getStatus(), Boolean.TRUE.equals(s.getIsTrial()), s.getTotalLicenses() == null ? 0 : s.getTotalLicenses(),
                s.getCreatedDateTime(), s.getNextLifecycleDateTime(),
                s.getOwnerTenantId() == null || s.getOwnerTenantId().isBlank() ? null : UUID.fromString(s.getOwnerTenantId()),
                s.getOwnerType());
    }

    @Override
    public <T> T m365AppUserDetail(LocalDate date, Runnable beforeEachAttempt, ReportReader<T> reader) {
        return requests.execute("usage report " + date, () -> {
            beforeEachAttempt.run();
            try (InputStream body = graph.reports().getM365AppUserDetailWithDate(date).get()) {
                if (body == null) { // the SDK got a 3xx it could not follow (CONTRACT.md §1.3)
                    throw new MsGraphException(MsGraphErrorKind.UNEXPECTED, "usage report " + date, 0, null,
                            "no report content: the redirect to the download URL was not followed", null, null);
                }
                return reader.read(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public <T> T office365ActiveUserDetail(LocalDate date, Runnable beforeEachAttempt, ReportReader<T> reader) {
        return report("active user detail report " + date, beforeEachAttempt, reader,
                () -> graph.reports().getOffice365ActiveUserDetailWithDate(date).get());
    }

    /**
     * SDK 6.69 has no request builder for {@code /copilot/reports}: a report builder with the raw URL sends the same
     * GET and reads the body as a stream, through the same adapter (tokens, redirects, error mapping).
     */
    @Override
    public <T> T copilotUsageUserDetail(Runnable beforeEachAttempt, ReportReader<T> reader) {
        String url = graph.getRequestAdapter().getBaseUrl()
                + "/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D7')";
        return report("Copilot usage report", beforeEachAttempt, reader,
                () -> graph.reports().getOffice365ActiveUserDetailWithDate(LocalDate.EPOCH).withUrl(url).get());
    }

    private <T> T report(String operation, Runnable beforeEachAttempt, ReportReader<T> reader,
                         java.util.function.Supplier<InputStream> request) {
        return requests.execute(operation, () -> {
            beforeEachAttempt.run();
            try (InputStream body = request.get()) {
                if (body == null) { // the SDK got a 3xx it could not follow (CONTRACT.md §1.3)
                    throw new MsGraphException(MsGraphErrorKind.UNEXPECTED, operation, 0, null,
                            "no report content: the redirect to the download URL was not followed", null, null);
                }
                return reader.read(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void listSignIns(Runnable beforeEachRequest, Consumer<List<MsGraphSignIn>> page) {
        UserCollectionResponse response = requests.execute("list sign-in activity", () -> {
            beforeEachRequest.run();
            return graph.users().get(rc -> {
                rc.queryParameters.select = new String[]{"id", "signInActivity"};
                rc.queryParameters.top = SIGN_INS_PAGE_SIZE;
            });
        });
        while (true) {
            List<MsGraphSignIn> signIns = new ArrayList<>();
            if (response != null && response.getValue() != null) {
                for (User u : response.getValue()) {
                    var a = u.getSignInActivity();
                    signIns.add(new MsGraphSignIn(UUID.fromString(u.getId()), a == null ? null : never(a.getLastSignInDateTime()),
                            a == null ? null : never(a.getLastNonInteractiveSignInDateTime()),
                            a == null ? null : never(a.getLastSuccessfulSignInDateTime())));
                }
            }
            page.accept(signIns);
            String next = response == null ? null : response.getOdataNextLink();
            if (next == null) {
                return;
            }
            response = requests.execute("list sign-in activity (next page)", () -> {
                beforeEachRequest.run();
                return graph.users().withUrl(next).get();
            });
        }
    }

    /** Microsoft writes "never" as 0001-01-01T00:00:00Z. */
    private static java.time.OffsetDateTime never(java.time.OffsetDateTime t) {
        return t == null || t.getYear() <= 1 ? null : t;
    }

    @Override
    public Optional<Boolean> reportNamesConcealed() {
        try {
            AdminReportSettings settings = requests.execute("read report settings",
                    () -> graph.admin().reportSettings().get());
            return Optional.ofNullable(settings == null ? null : settings.getDisplayConcealedNames());
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.FORBIDDEN) {
                return Optional.empty(); // ReportSettings.Read.All not granted: concealment is told by the names
            }
            throw e;
        }
    }

    @Override
    public Optional<MsGraphUser> findUser(String idOrUserPrincipalName) {
        return userCalls.find(idOrUserPrincipalName);
    }

    @Override
    public MsGraphWrite assignLicenses(UUID userId, List<MsGraphLicenseToAdd> add, List<UUID> remove) {
        return userCalls.assignLicenses(userId, add, remove);
    }

    @Override
    public MsGraphWrite setUsageLocation(UUID userId, String usageLocation) {
        return userCalls.setUsageLocation(userId, usageLocation);
    }

    @Override
    public MsGraphWrite removeGroupMember(UUID groupId, UUID userId) {
        return userCalls.removeGroupMember(groupId, userId);
    }

    @Override
    public MsGraphWrite reprocessLicenseAssignment(UUID userId) {
        return userCalls.reprocessLicenseAssignment(userId);
    }

    @Override
    public MsGraphCreatedUser createUser(MsGraphNewUser user) {
        return userCalls.create(user);
    }

    /** A Graph user as we store it (also used by {@link MsGraphUserCalls}). */
    static MsGraphUser toUser(User u) {
        List<MsGraphUser.LicenseState> states = new ArrayList<>();
        if (u.getLicenseAssignmentStates() != null) {
            for (LicenseAssignmentState s : u.getLicenseAssignmentStates()) {
                states.add(new MsGraphUser.LicenseState(s.getSkuId(), uuidOrNull(s.getAssignedByGroup()),
                        s.getState(), errorOrNull(s.getError()),
                        s.getDisabledPlans() == null ? List.of() : s.getDisabledPlans().stream()
                                .filter(Objects::nonNull).toList(),
                        s.getLastUpdatedDateTime()));
            }
        }
        return new MsGraphUser(UUID.fromString(u.getId()), u.getUserPrincipalName(), u.getDisplayName(),
                u.getMail(), Boolean.TRUE.equals(u.getAccountEnabled()), u.getDepartment(), u.getJobTitle(),
                u.getUsageLocation(), u.getCreatedDateTime(), states);
    }

    private static MsGraphSku toSku(SubscribedSku s) {
        var prepaid = s.getPrepaidUnits();
        List<MsGraphSku.ServicePlan> plans = s.getServicePlans() == null ? List.of() : s.getServicePlans().stream()
                .map(p -> new MsGraphSku.ServicePlan(p.getServicePlanId(), p.getServicePlanName(),
                        p.getProvisioningStatus(), p.getAppliesTo()))
                .toList();
        return new MsGraphSku(s.getSkuId(), s.getId(), s.getSkuPartNumber(), s.getAppliesTo(), s.getCapabilityStatus(),
                prepaid == null ? 0 : zero(prepaid.getEnabled()), prepaid == null ? 0 : zero(prepaid.getSuspended()),
                prepaid == null ? 0 : zero(prepaid.getWarning()), prepaid == null ? 0 : zero(prepaid.getLockedOut()),
                zero(s.getConsumedUnits()), plans);
    }

    /** Graph sends null on success; some tenants send "None". Both mean no error. */
    static String errorOrNull(String error) {
        return error == null || error.isBlank() || "None".equalsIgnoreCase(error) ? null : error;
    }

    static UUID uuidOrNull(String s) {
        return s == null || s.isBlank() ? null : UUID.fromString(s);
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }
}
