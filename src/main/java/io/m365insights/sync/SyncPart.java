package io.m365insights.sync;

import io.m365insights.msgraph.MsGraphErrorKind;
import io.m365insights.msgraph.MsGraphException;

/**
 * The template of a sync part: a bean (dependencies field-injected) that names its {@link SyncPartName} once, fetches
 * everything it needs from Microsoft Graph and then applies it in one transaction. {@link SyncService} owns the rest
 * of a part's life — its sync_run_part row, timing, counting, metrics and the outcome: SUCCEEDED when
 * {@link #run run} returns, PARTIAL when it returns an {@link Outcome#partial() partial} outcome, FAILED when it
 * throws (the message becomes the part's detail).
 */
public abstract class SyncPart implements SyncStep {
    private final SyncPartName part;

    protected SyncPart(SyncPartName part) {
        this.part = part;
    }

    @Override
    public final SyncPartName part() {
        return part;
    }

    /** A part that had nothing to fetch (switched off, nothing of that kind in the tenant): says why. */
    protected static Outcome nothingToDo(String why) {
        return new Outcome(0, 0, 0, 0, why);
    }

    /** A call to Microsoft Graph that may throw {@link MsGraphException}. */
    @FunctionalInterface
    protected interface GraphCall<T> {
        T call();
    }

    /**
     * Runs a listing; Microsoft's refusal (FORBIDDEN) fails the part with "{@code what}: forbidden — {@code grant}"
     * (the permission to grant), any other Graph failure as it is.
     */
    protected static <T> T listing(String what, String grant, GraphCall<T> call) {
        try {
            return call.call();
        } catch (MsGraphException e) {
            if (e.kind() == MsGraphErrorKind.FORBIDDEN) {
                throw new IllegalStateException(what + ": forbidden — " + grant, e);
            }
            throw e;
        }
    }
}
