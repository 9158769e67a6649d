package io.m365insights.actions;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of assigning or removing one license.
 *
 * @param changed          true when Microsoft Graph made the change (never on a dry run or an error)
 * @param keptThroughGroups groups through which the user still holds the license (a removal takes the direct
 *                          assignment only)
 * @param summary          what happened, or on a dry run what would happen, for people
 * @param auditEventId     the audit event recording it
 * @param error            why it did not happen; null when it did (or, on a dry run, would)
 */
public record LicenseChange(UUID userId, UUID skuId, boolean dryRun, boolean changed, List<UUID> keptThroughGroups,
                            String summary, long auditEventId, ActionError error) {
}
