package io.m365insights.actions;

import io.m365insights.audit.AuditAction;
import io.m365insights.audit.AuditContext;
import io.m365insights.audit.AuditEntry;
import io.m365insights.audit.AuditLog;
import io.m365insights.msgraph.MsGraphClient;
import io.m365insights.msgraph.MsGraphCreatedUser;
import io.m365insights.msgraph.MsGraphException;
import io.m365insights.msgraph.MsGraphNewUser;
import io.m365insights.msgraph.MsGraphUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates users (onboarding): the e-mail address becomes the user principal name, its local part the mail nickname.
 * With licenses, the usage location is set at creation, then each license is assigned on its own through
 * {@link LicenseActions} and reported on its own. The password (given or generated) goes to Microsoft Graph and,
 * when generated, back to the caller once; it is never stored, audited or logged.
 */
@ApplicationScoped
public class UserActions {
    /** A user principal name: the characters Entra ID allows before the @ (CONTRACT.md §6), then a domain name. */
    static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9'._!#^~-]+)@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

    @Inject
    MsGraphClient msGraph;

    @Inject
    DirectoryFacts facts;

    @Inject
    LocalDirectory local;

    @Inject
    LicenseActions licenses;

    @Inject
    AuditLog audit;

    public UserCreation create(NewUser asked, AuditContext ctx) {
        Map<String, Object> input = auditInput(asked);
        ActionError invalid = validate(asked);
        if (invalid != null) {
            return refused(ctx, asked, input, invalid, null);
        }
        String upn = asked.email().trim(); // as given: Entra ID keeps the case and compares without it
        // Look first: a second call with the same address is a userError, and the POST never happens.
        try {
            Optional<MsGraphUser> existing = msGraph.findUser(upn);
            if (existing.isPresent()) {
                return refused(ctx, asked, input, ActionError.of(ActionErrorCode.DUPLICATE_USER_PRINCIPAL_NAME,
                        "A user with the user principal name " + existing.get().userPrincipalName() + " already exists ("
                                + existing.get().id() + "); nothing was created", "input", "email"), null);
            }
        } catch (MsGraphException e) {
            return refused(ctx, asked, input, GraphRefusals.map(e, GraphRefusals.Write.CREATE_USER), e.requestId());
        }
        String password = asked.password() != null ? asked.password() : TemporaryPasswords.generate();
        String location = asked.usageLocation() == null ? null : asked.usageLocation().toUpperCase(Locale.ROOT);
        MsGraphCreatedUser created;
        try {
            created = msGraph.createUser(new MsGraphNewUser(upn, upn.substring(0, upn.indexOf('@')),
                    asked.displayName().trim(), asked.accountEnabled(), location, blankToNull(asked.department()),
                    blankToNull(asked.jobTitle()), password));
        } catch (MsGraphException e) {
            return refused(ctx, asked, input, GraphRefusals.map(e, GraphRefusals.Write.CREATE_USER), e.requestId());
        }
        MsGraphUser user = created.user();
        String summary = "Created " + user.userPrincipalName() + " (" + user.id() + "), "
                + (asked.accountEnabled() ? "enabled" : "disabled") + ", with a "
                + (asked.password() == null ? "generated temporary" : "given") + " password to change at first sign-in"
                + (created.write().confirmedByReadBack() ? " (Microsoft Graph's first answer was lost; the retry found "
                + "the user created)" : "");
        long eventId = QuarkusTransaction.requiringNew().call(() -> {
            local.insertUser(user);
            return audit.append(AuditEntry.succeeded(ctx, AuditAction.CREATE_USER, summary).about(user.id(), null)
                    .withInput(input).withGraphRequestId(created.write().requestId()));
        });
        List<LicenseChange> assigned = new ArrayList<>();
        for (UUID sku : asked.licenseSkuIds()) {
            assigned.add(licenses.assign(user.id(), sku, List.of(), null, ctx));
        }
        return new UserCreation(user.id(), asked.password() == null ? password : null, assigned, summary, eventId, null);
    }

    /** Checks what can be checked without Microsoft Graph, so nothing is created for a request bound to fail. */
    private ActionError validate(NewUser asked) {
        if (asked.displayName() == null || asked.displayName().isBlank()) {
            return ActionError.of(ActionErrorCode.INVALID_INPUT, "displayName must not be blank", "input", "displayName");
        }
        if (asked.email() == null || !EMAIL.matcher(asked.email().trim()).matches()) {
            return ActionError.of(ActionErrorCode.INVALID_INPUT, "email must be an address like jane.doe@contoso.com "
                    + "whose part before the @ uses only letters, digits and ' . - _ ! # ^ ~ (it becomes the user "
                    + "principal name)", "input", "email");
        }
        if (asked.usageLocation() != null && !LicenseActions.USAGE_LOCATION.matcher(asked.usageLocation()).matches()) {
            return ActionError.of(ActionErrorCode.INVALID_INPUT, "usageLocation must be an ISO 3166 two-letter country "
                    + "code such as \"US\"", "input", "usageLocation");
        }
        if (!asked.licenseSkuIds().isEmpty() && asked.usageLocation() == null) {
            return ActionError.of(ActionErrorCode.USAGE_LOCATION_REQUIRED, "Licenses can only be assigned to a user "
                    + "with a usage location: give usageLocation (an ISO 3166 two-letter country code such as \"US\")",
                    "input", "usageLocation");
        }
        for (int i = 0; i < asked.licenseSkuIds().size(); i++) {
            UUID sku = asked.licenseSkuIds().get(i);
            if (facts.sku(sku).filter(s -> !s.removed()).isEmpty()) {
                return ActionError.of(ActionErrorCode.UNKNOWN_SKU, "The tenant does not subscribe to " + sku
                        + " (as of the last sync); nothing was created", "input", "licenseSkuIds", String.valueOf(i));
            }
        }
        return null;
    }

    private UserCreation refused(AuditContext ctx, NewUser asked, Map<String, Object> input, ActionError error,
                                 String requestId) {
        long id = audit.append(AuditEntry.failed(ctx, AuditAction.CREATE_USER, error.code().name(), error.message())
                .withInput(input).withGraphRequestId(requestId));
        return new UserCreation(null, null, List.of(), error.message(), id, error);
    }

    /** What the audit log keeps of the request: everything but the password (only whether one was given). */
    private static Map<String, Object> auditInput(NewUser asked) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("displayName", asked.displayName());
        input.put("email", asked.email());
        input.put("usageLocation", asked.usageLocation());
        input.put("department", asked.department());
        input.put("jobTitle", asked.jobTitle());
        input.put("accountEnabled", asked.accountEnabled());
        input.put("passwordGiven", asked.password() != null);
        input.put("licenseSkuIds", asked.licenseSkuIds().stream().map(UUID::toString).toList());
        return input;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
