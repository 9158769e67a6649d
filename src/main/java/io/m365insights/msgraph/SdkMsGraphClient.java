package io.m365insights.msgraph;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.SubscribedSkuCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@link MsGraphClient} on the Microsoft Graph Java SDK; every call goes through {@link MsGraphRequests}. */
@ApplicationScoped
public class SdkMsGraphClient implements MsGraphClient {
    private final GraphServiceClient graph;
    private final MsGraphRequests requests;

    @Inject
    public SdkMsGraphClient(GraphServiceClient graph, MsGraphRequests requests) {
        this.graph = graph;
        this.requests = requests;
    }

    @Override
    public void listUsers(Consumer<List<MsGraphUser>> page) {
        UserCollectionResponse response = requests.execute("list users", () -> graph.users().get(rc -> {
            rc.queryParameters.select = USER_FIELDS.toArray(String[]::new);
            rc.queryParameters.top = USERS_PAGE_SIZE;
        }));
        while (true) {
            page.accept(toUsers(response));
            String next = response == null ? null : response.getOdataNextLink();
            if (next == null) {
                return;
            }
            response = requests.execute("list users (next page)", () -> graph.users().withUrl(next).get());
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
    public Optional<MsGraphUser> findUser(String idOrUserPrincipalName) {
        try {
            User u = requests.execute("get user", () -> graph.users().byUserId(idOrUserPrincipalName)
                    .get(rc -> rc.queryParameters.select = USER_FIELDS.toArray(String[]::new)));
            return Optional.ofNullable(u).map(SdkMsGraphClient::toUser);
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public MsGraphWrite assignLicenses(UUID userId, List<MsGraphLicenseToAdd> add, List<UUID> remove) {
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        List<AssignedLicense> adds = new ArrayList<>();
        for (MsGraphLicenseToAdd a : add) {
            AssignedLicense l = new AssignedLicense();
            l.setSkuId(a.skuId());
            l.setDisabledPlans(new ArrayList<>(a.disabledPlans()));
            adds.add(l);
        }
        // Kiota serialises only what was set, and Graph answers 400 when either list is missing: always set both.
        body.setAddLicenses(adds);
        body.setRemoveLicenses(new ArrayList<>(remove));
        Attempts attempts = new Attempts();
        try {
            attempts.run("assign license", h -> graph.users().byUserId(userId.toString()).assignLicense()
                    .post(body, rc -> rc.options.add(h)));
            return new MsGraphWrite(attempts.requestId(), false);
        } catch (MsGraphException e) {
            // A retried assignLicense whose first attempt took effect (its answer was lost) is refused: the license is
            // already there, or already gone. Only then, read the user back: the change in place is a success.
            if (attempts.count > 1 && e.kind() == MsGraphErrorKind.BAD_REQUEST && licensesInPlace(userId, add, remove)) {
                return new MsGraphWrite(e.requestId(), true);
            }
            throw e;
        }
    }

    @Override
    public MsGraphWrite setUsageLocation(UUID userId, String usageLocation) {
        User patch = new User();
        patch.setUsageLocation(usageLocation);
        Attempts attempts = new Attempts(); // PATCH sets a value: repeating it is harmless
        attempts.run("set usage location", h -> graph.users().byUserId(userId.toString())
                .patch(patch, rc -> rc.options.add(h)));
        return new MsGraphWrite(attempts.requestId(), false);
    }

    @Override
    public MsGraphCreatedUser createUser(MsGraphNewUser asked) {
        User user = new User();
        user.setAccountEnabled(asked.accountEnabled());
        user.setDisplayName(asked.displayName());
        user.setMailNickname(asked.mailNickname());
        user.setUserPrincipalName(asked.userPrincipalName());
        user.setUsageLocation(asked.usageLocation());
        user.setDepartment(asked.department());
        user.setJobTitle(asked.jobTitle());
        PasswordProfile password = new PasswordProfile();
        password.setPassword(asked.password());
        password.setForceChangePasswordNextSignIn(true);
        user.setPasswordProfile(password);
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        Attempts attempts = new Attempts();
        try {
            User created = attempts.run("create user", h -> graph.users().post(user, rc -> rc.options.add(h)));
            return new MsGraphCreatedUser(created(created, asked, started), new MsGraphWrite(attempts.requestId(), false));
        } catch (MsGraphException e) {
            // A retried POST /users whose first attempt created the user (its answer was lost) is refused as a
            // duplicate user principal name. Only after a retry: the user found under that name, with the display name
            // we sent, created since this call started (allowing for clock skew), is the one we created.
            if (attempts.count > 1 && e.kind() == MsGraphErrorKind.BAD_REQUEST) {
                Optional<MsGraphUser> found = findUser(asked.userPrincipalName());
                if (found.isPresent() && Objects.equals(found.get().displayName(), asked.displayName())
                        && (found.get().createdAt() == null
                        || found.get().createdAt().isAfter(started.minus(CLOCK_SKEW)))) {
                    return new MsGraphCreatedUser(found.get(), new MsGraphWrite(e.requestId(), true));
                }
            }
            throw e;
        }
    }

    private static List<MsGraphUser> toUsers(UserCollectionResponse response) {
        if (response == null || response.getValue() == null) {
            return List.of();
        }
        List<MsGraphUser> users = new ArrayList<>(response.getValue().size());
        for (User u : response.getValue()) {
            users.add(toUser(u));
        }
        return users;
    }

    private static MsGraphUser toUser(User u) {
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

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private boolean licensesInPlace(UUID userId, List<MsGraphLicenseToAdd> add, List<UUID> remove) {
        Optional<MsGraphUser> user = findUser(userId.toString());
        if (user.isEmpty()) {
            return false;
        }
        List<UUID> direct = user.get().licenseStates().stream().filter(s -> s.assignedByGroup() == null)
                .map(MsGraphUser.LicenseState::skuId).toList();
        return add.stream().allMatch(a -> direct.contains(a.skuId())) && remove.stream().noneMatch(direct::contains);
    }

    /** Graph answers POST /users with its default properties: complete them with what we asked for. */
    private static MsGraphUser created(User answer, MsGraphNewUser asked, OffsetDateTime started) {
        return new MsGraphUser(UUID.fromString(answer.getId()),
                answer.getUserPrincipalName() != null ? answer.getUserPrincipalName() : asked.userPrincipalName(),
                answer.getDisplayName() != null ? answer.getDisplayName() : asked.displayName(), answer.getMail(),
                asked.accountEnabled(), asked.department(), asked.jobTitle(), asked.usageLocation(),
                // about when it was created; the next sync stores Graph's exact createdDateTime
                answer.getCreatedDateTime() != null ? answer.getCreatedDateTime() : started, List.of());
    }

    /**
     * Runs a write through {@link MsGraphRequests}, counting its attempts and keeping the last attempt's response
     * headers (Kiota's headers inspection) for Graph's {@code request-id}.
     */
    private final class Attempts {
        int count;
        HeadersInspectionOption last;

        <T> T run(String operation, Function<HeadersInspectionOption, T> call) {
            return requests.execute(operation, () -> {
                count++;
                last = new HeadersInspectionOption(false, true);
                return call.apply(last);
            });
        }

        String requestId() {
            if (last == null || last.getResponseHeaders() == null) {
                return null;
            }
            var values = last.getResponseHeaders().get("request-id");
            return values == null || values.isEmpty() ? null : values.iterator().next();
        }
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
    private static String errorOrNull(String error) {
        return error == null || error.isBlank() || "None".equalsIgnoreCase(error) ? null : error;
    }

    private static UUID uuidOrNull(String s) {
        return s == null || s.isBlank() ? null : UUID.fromString(s);
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }
}
