package io.codegenagentlogs.core.console;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.LogListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Prints a watch as it happens, one {@link ConsoleFormat} line per event: the run line when the run
 * is first seen and whenever its status changes, every entry, waits, retries and anomalies.
 *
 * <p>Quiet mode prints only the run line (first sight and status changes), entries of a type the
 * policy fails on, and anomalies (rare, and they explain an ERROR verdict).
 *
 * <p>While the run is idle the watcher reports the same wait again and again; a wait identical to
 * the previous one (same status, same counts) is printed only every {@link #HEARTBEAT_EVERY}th time,
 * enough to show the watch is alive without flooding the log.
 */
public final class ConsolePrinter implements LogListener {
    static final int HEARTBEAT_EVERY = 6;

    private final PrintStream out;
    private final GatePolicy policy;
    private final boolean quiet;
    /** Null until the run is first seen; normalized statuses are never null. */
    private String lastStatus;
    private String lastWaiting;
    private int sameWaiting;

    public ConsolePrinter(PrintStream out, GatePolicy policy, boolean quiet) {
        this.out = Objects.requireNonNull(out, "out");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.quiet = quiet;
    }

    /** Prints everything. */
    public ConsolePrinter(PrintStream out, GatePolicy policy) {
        this(out, policy, false);
    }

    @Override
    public synchronized void onRun(RunInfo run) {
        if (run == null) {
            return;
        }
        String status = run.status().normalized();
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            out.println(ConsoleFormat.runLine(run));
        }
    }

    @Override
    public synchronized void onEntry(long index, LogEntry entry) {
        if (!quiet || policy.isFailing(entry.normalizedType())) {
            out.println(ConsoleFormat.entryLine(index, entry));
        }
    }

    @Override
    public synchronized void onWaiting(RunInfo run, long fetched, long totalLogs, Duration nextPollIn) {
        if (quiet) {
            return;
        }
        String key = (run == null ? "" : run.status().normalized()) + "/" + fetched + "/" + totalLogs;
        if (key.equals(lastWaiting)) {
            if (++sameWaiting % HEARTBEAT_EVERY != 0) {
                return;
            }
        } else {
            lastWaiting = key;
            sameWaiting = 0;
        }
        out.println(ConsoleFormat.waitingLine(run, fetched, totalLogs, nextPollIn));
    }

    @Override
    public synchronized void onRetry(String reason, int attempt, Duration delay) {
        if (!quiet) {
            out.println(ConsoleFormat.retryLine(reason, attempt, delay));
        }
    }

    @Override
    public synchronized void onAnomaly(Anomaly anomaly) {
        out.println(ConsoleFormat.anomalyLine(anomaly));
    }

    /** Prints the verdict line; the surface calls this once the gate has decided. */
    public synchronized void printVerdict(GateDecision decision) {
        out.println(ConsoleFormat.verdictLine(decision));
    }
}
