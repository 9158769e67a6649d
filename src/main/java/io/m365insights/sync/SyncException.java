package io.m365insights.sync;

/** The sync machinery itself failed (database unreachable), as opposed to a step failing. */
public class SyncException extends RuntimeException {
    public SyncException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
