package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.CodegenApiException;
import io.codegenagentlogs.core.api.RunInfo;

/** How a watch ended. What was delivered before the end stays delivered, whatever the kind. */
public final class WatchOutcome {

    public enum Kind {
        /** The run reached a terminal status and every entry was delivered. */
        COMPLETED,
        /** The run ended but the server never served all the entries it counted. */
        INCOMPLETE,
        /** The overall timeout passed first. */
        TIMED_OUT,
        /** The API gave an error that retrying could not fix. */
        API_ERROR,
        /** Cancelled or interrupted. */
        CANCELLED,
        /**
         * Stopped before the run ended because the verdict could no longer change (the gate's
         * fail-fast): what was fetched so far is all there is.
         */
        STOPPED_EARLY
    }

    private final Kind kind;
    private final RunInfo lastRun;
    private final WatchSnapshot snapshot;
    private final CodegenApiException error;
    private final String message;

    WatchOutcome(Kind kind, RunInfo lastRun, WatchSnapshot snapshot, CodegenApiException error, String message) {
        this.kind = kind;
        this.lastRun = lastRun;
        this.snapshot = snapshot;
        this.error = error;
        this.message = message;
    }

    /**
     * A run known to have ended with every entry delivered, from a record rather than a watch: a saved
     * {@code logs.ndjson} summarized again ({@code summarize}). The gate judges it like a completed watch.
     */
    public static WatchOutcome replayed(RunInfo run, WatchSnapshot snapshot) {
        return new WatchOutcome(Kind.COMPLETED, run, snapshot, null, "Rebuilt from a saved log");
    }

    public Kind kind() {
        return kind;
    }

    /** The run as last seen, or null when no answer ever came. */
    public RunInfo lastRun() {
        return lastRun;
    }

    public WatchSnapshot snapshot() {
        return snapshot;
    }

    /** The API error for {@link Kind#API_ERROR}, else null. */
    public CodegenApiException error() {
        return error;
    }

    /** One line for people. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
