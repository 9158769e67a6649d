package io.m365insights.api;

import io.m365insights.actions.ActionError;
import io.m365insights.actions.LicenseChange;
import io.m365insights.actions.UserCreation;
import io.m365insights.api.model.AssignLicensePayload;
import io.m365insights.api.model.CreateUserPayload;
import io.m365insights.api.model.License;
import io.m365insights.api.model.LicenseAssignmentOutcome;
import io.m365insights.api.model.UnassignLicensePayload;
import io.m365insights.api.model.User;
import io.m365insights.api.model.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Maps the actions' outcomes to mutation payloads. */
final class ActionsMapper {
    private ActionsMapper() {
    }

    static UserError userError(ActionError e) {
        return new UserError(e.code(), e.message(), e.field());
    }

    static UnassignLicensePayload unassigned(LicenseChange c, User user, License license) {
        return new UnassignLicensePayload(user, license, c.dryRun(), c.changed(),
                c.keptThroughGroups().stream().map(UUID::toString).toList(), c.summary(),
                String.valueOf(c.auditEventId()), errors(c.error()));
    }

    static AssignLicensePayload assigned(LicenseChange c, User user, License license) {
        return new AssignLicensePayload(user, license, c.changed(), c.summary(), String.valueOf(c.auditEventId()),
                errors(c.error()));
    }

    static CreateUserPayload created(UserCreation c, User user, Function<UUID, License> licenses) {
        List<LicenseAssignmentOutcome> outcomes = new ArrayList<>();
        List<UserError> errors = new ArrayList<>(errors(c.error()));
        for (int i = 0; i < c.licenses().size(); i++) {
            LicenseChange l = c.licenses().get(i);
            UserError e = null;
            if (l.error() != null) {
                // the field points at the SKU in the createUser input
                e = new UserError(l.error().code(), l.error().message(),
                        List.of("input", "licenseSkuIds", String.valueOf(i)));
                errors.add(e);
            }
            outcomes.add(new LicenseAssignmentOutcome(l.skuId().toString(), licenses.apply(l.skuId()), l.changed(),
                    l.summary(), String.valueOf(l.auditEventId()), e));
        }
        return new CreateUserPayload(user, c.temporaryPassword(), outcomes, c.summary(),
                String.valueOf(c.auditEventId()), errors);
    }

    static List<UserError> errors(ActionError e) {
        return e == null ? List.of() : List.of(userError(e));
    }
}
