package io.m365insights.msgraph;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The per-user requests of {@link SdkMsGraphClient}: look a user up, assign licenses, set the usage location, create a
 * user, remove a group membership, reprocess group licenses (CONTRACT.md §4-6, §10.5). Writes go through {@link MsGraphRequests} like every request (so they are retried), keep
 * Graph's {@code request-id} for the audit log (Kiota's headers inspection), and stay safe to retry: a retried write
 * refused because its first attempt had already taken effect is confirmed by reading the user back.
 */
final class MsGraphUserCalls {
    /** How far Graph's clock may be behind ours when telling a user we created from one created before. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private final GraphServiceClient graph;
    private final MsGraphRequests requests;
    private final java.time.Clock clock;

    MsGraphUserCalls(GraphServiceClient graph, MsGraphRequests requests, java.time.Clock clock) {
        this.graph = graph;
        this.clock = clock;
        this.requests = requests;
    }

    Optional<MsGraphUser> find(String idOrUserPrincipalName) {
        try {
            User u = requests.execute("get user", () -> graph.users().byUserId(idOrUserPrincipalName)
                    .get(rc -> rc.queryParameters.select = MsGraphClient.USER_FIELDS.toArray(String[]::new)));
            return Optional.ofNullable(u).map(SdkMsGraphClient::toUser);
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    MsGraphWrite assignLicenses(UUID userId, List<MsGraphLicenseToAdd> add, List<UUID> remove) {
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

    MsGraphWrite setUsageLocation(UUID userId, String usageLocation) {
        User patch = new User();
        patch.setUsageLocation(usageLocation);
        Attempts attempts = new Attempts(); // PATCH sets a value: repeating it is harmless
        attempts.run("set usage location", h -> graph.users().byUserId(userId.toString())
                .patch(patch, rc -> rc.options.add(h)));
        return new MsGraphWrite(attempts.requestId(), false);
    }

    MsGraphWrite removeGroupMember(UUID groupId, UUID userId) {
        Attempts attempts = new Attempts();
        try {
            attempts.run("remove group member", h -> {
                graph.groups().byGroupId(groupId.toString()).members().byDirectoryObjectId(userId.toString()).ref()
                        .delete(rc -> rc.options.add(h));
                return null;
            });
            return new MsGraphWrite(attempts.requestId(), false);
        } catch (MsGraphException e) {
            // A retried DELETE whose first attempt took effect (its answer was lost) finds no membership any more:
            // after a retry only, that 404 means the change is made.
            if (attempts.count > 1 && e.kind() == MsGraphErrorKind.NOT_FOUND) {
                return new MsGraphWrite(e.requestId(), true);
            }
            throw e;
        }
    }

    MsGraphWrite reprocessLicenseAssignment(UUID userId) {
        Attempts attempts = new Attempts(); // re-evaluating again is harmless
        attempts.run("reprocess license assignment", h -> graph.users().byUserId(userId.toString())
                .reprocessLicenseAssignment().post(rc -> rc.options.add(h)));
        return new MsGraphWrite(attempts.requestId(), false);
    }

    MsGraphCreatedUser create(MsGraphNewUser asked) {
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
        OffsetDateTime started = OffsetDateTime.now(clock);
        Attempts attempts = new Attempts();
        try {
            User created = attempts.run("create user", h -> graph.users().post(user, rc -> rc.options.add(h)));
            return new MsGraphCreatedUser(created(created, asked, started), new MsGraphWrite(attempts.requestId(), false));
        } catch (MsGraphException e) {
            // A retried POST /users whose first attempt created the user (its answer was lost) is refused as a
            // duplicate user principal name. Only after a retry: the user found under that name, with the display name
            // we sent, created since this call started (allowing for clock skew), is the one we created.
            if (attempts.count > 1 && e.kind() == MsGraphErrorKind.BAD_REQUEST) {
                Optional<MsGraphUser> found = find(asked.userPrincipalName());
                if (found.isPresent() && Objects.equals(found.get().displayName(), asked.displayName())
                        && (found.get().createdAt() == null
                        || found.get().createdAt().isAfter(started.minus(CLOCK_SKEW)))) {
                    return new MsGraphCreatedUser(found.get(), new MsGraphWrite(e.requestId(), true));
                }
            }
            throw e;
        }
    }

    private boolean licensesInPlace(UUID userId, List<MsGraphLicenseToAdd> add, List<UUID> remove) {
        Optional<MsGraphUser> user = find(userId.toString());
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
}
