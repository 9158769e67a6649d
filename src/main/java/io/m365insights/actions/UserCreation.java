package io.m365insights.actions;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of creating a user.
 *
 * @param userId            the new user's object id; null when no user was created
 * @param temporaryPassword the generated password, when none was given: returned here once, stored and logged nowhere
 * @param licenses          each requested license's own outcome, in the order asked
 * @param error             why the user was not created; null when it was
 */
public record UserCreation(UUID userId, String temporaryPassword, List<LicenseChange> licenses, String summary,
                           long auditEventId, ActionError error) {

    @Override
    public String toString() {
        return "UserCreation[userId=" + userId + ", summary=" + summary + ", error=" + error + "]";
    }
}
