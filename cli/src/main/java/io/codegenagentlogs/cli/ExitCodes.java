package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.watch.WatchOutcome;

/** The process exit codes, the same for every command; CI scripts branch on them. */
public final class ExitCodes {
    /** The gate passed (or the command did what it was asked). */
    public static final int PASSED = 0;
    /** The run finished and the gate policy fails it. */
    public static final int GATE_FAILED = 1;
    /** Bad command line or configuration: nothing was asked of the API. */
    public static final int USAGE = 2;
    /** The API gave no usable answer (auth, not found, retries exhausted, incomplete logs, other errors). */
    public static final int API_ERROR = 3;
    /** The overall timeout passed before the run finished. */
    public static final int TIMED_OUT = 4;
    /** Cancelled by Ctrl-C (SIGINT): 128 + 2, as shells report it. The report is written. */
    public static final int CANCELLED = 130;
    /** Terminated by SIGTERM, how CI systems cancel a job: 128 + 15. The report is written. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }

    /** The exit code of a gate verdict. */
    static int of(Verdict verdict, WatchOutcome.Kind outcome) {
        return switch (verdict) {
            case PASSED -> PASSED;
            case FAILED -> GATE_FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case ERROR -> outcome == WatchOutcome.Kind.CANCELLED ? CANCELLED : API_ERROR;
        };
    }

    /** The exit code of a watch that was not gated ({@code logs}). */
    static int of(WatchOutcome.Kind outcome) {
        return switch (outcome) {
            case COMPLETED -> PASSED;
            case STOPPED_EARLY -> GATE_FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case CANCELLED -> CANCELLED;
            case API_ERROR, INCOMPLETE -> API_ERROR;
        };
    }
}
