package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.RunInfo;

/** Outcomes for tests of what reads them (the gate, the report). */
public final class WatchOutcomes {
    private WatchOutcomes() {
    }

    public static WatchOutcome completed(RunInfo run) {
        return new WatchOutcome(WatchOutcome.Kind.COMPLETED, run, WatchSnapshot.start(2, 1, 0), null, "completed");
    }

    public static WatchOutcome timedOut() {
        return new WatchOutcome(WatchOutcome.Kind.TIMED_OUT, null, WatchSnapshot.start(2, 1, 0), null, "Timed out after 1s");
    }

    public static WatchOutcome incomplete(RunInfo run) {
        return new WatchOutcome(WatchOutcome.Kind.INCOMPLETE, run, WatchSnapshot.start(2, 1, 0), null, "Incomplete logs: 3 of 5");
    }
}
