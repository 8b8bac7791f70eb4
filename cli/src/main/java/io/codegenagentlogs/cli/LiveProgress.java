package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.LogListener;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The console of a watch on a terminal: the core's lines, coloured by message type, and, when the
 * terminal is interactive, one status line that updates in place (status, logs fetched of total,
 * elapsed time, next poll) instead of a progress line per wait.
 */
final class LiveProgress implements LogListener, AutoCloseable {
    private final TerminalOutput term;
    private final ConsolePrinter lines;
    private final GatePolicy policy;
    private final boolean interactive;
    private final LongSupplier clock;
    private final long startedAt;
    private final ScheduledExecutorService ticker;
    private String runStatus = "CONNECTING";
    private long fetched;
    private long total = -1;
    private long nextPollAt = -1;
    private boolean closed;

    LiveProgress(TerminalOutput term, ConsolePrinter lines, GatePolicy policy, boolean interactive, LongSupplier clock) {
        this.term = term;
        this.lines = lines;
        this.policy = policy;
        this.interactive = interactive;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
        if (interactive) {
            // redraws the elapsed time and the countdown between events
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "codegen-agent-logs-status");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
            redraw();
        } else {
            ticker = null;
        }
    }


    @Override
    public synchronized void onRun(RunInfo run) {
        if (run != null) {
            runStatus = run.status().normalized();
        }
        term.colourNext(TerminalOutput.BOLD);
        lines.onRun(run);
        term.colourNext(null);
        redraw();
    }

    @Override
    public synchronized void onEntry(long index, LogEntry entry) {
        fetched = Math.max(fetched, index + 1);
        nextPollAt = -1;
        term.colourNext(TerminalOutput.colourOf(entry.normalizedType(), policy));
        lines.onEntry(index, entry);
        term.colourNext(null);
        redraw();
    }

    @Override
    public synchronized void onWaiting(RunInfo run, long fetchedSoFar, long totalLogs, Duration nextPollIn) {
        fetched = fetchedSoFar;
        total = totalLogs;
        if (run != null) {
            runStatus = run.status().normalized();
        }
        if (interactive) {
            nextPollAt = clock.getAsLong() + nextPollIn.toMillis();
            redraw();
        } else {
            lines.onWaiting(run, fetchedSoFar, totalLogs, nextPollIn);
        }
    }

    @Override
    public synchronized void onRetry(String reason, int attempt, Duration delay) {
        term.colourNext(TerminalOutput.YELLOW);
        lines.onRetry(reason, attempt, delay);
        term.colourNext(null);
    }

    @Override
    public synchronized void onAnomaly(Anomaly anomaly) {
        term.colourNext(TerminalOutput.YELLOW);
        lines.onAnomaly(anomaly);
        term.colourNext(null);
    }

    /** The verdict line, green when it passed and red otherwise. */
    synchronized void printVerdict(GateDecision decision) {
        term.colourNext(decision.passed() ? TerminalOutput.GREEN + TerminalOutput.BOLD : TerminalOutput.RED + TerminalOutput.BOLD);
        lines.printVerdict(decision);
        term.colourNext(null);
    }

    /** The status line as it reads now. */
    synchronized String statusLine() {
        long now = clock.getAsLong();
        StringBuilder sb = new StringBuilder("… ").append(runStatus).append(", ")
                .append(total >= 0 ? fetched + " of " + total : Long.toString(fetched)).append(" logs fetched, ")
                .append(seconds(Math.max(0, now - startedAt) / 1000)).append(" elapsed");
        if (nextPollAt >= 0) {
            long left = Math.max(0, nextPollAt - now);
            sb.append(", next poll in ").append(seconds((left + 999) / 1000));
        }
        return sb.toString();
    }

    /** Whole seconds, as the status line counts them ("0s", "7s", "1m 05s"). */
    private static String seconds(long s) {
        return s == 0 ? "0s" : HumanFormat.duration(Duration.ofSeconds(s));
    }

    private synchronized void redraw() {
        if (interactive && !closed) {
            term.status(statusLine());
        }
    }

    /** Stops the ticker and takes the status line away: what follows is printed as plain lines. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        term.status(null);
    }
}
