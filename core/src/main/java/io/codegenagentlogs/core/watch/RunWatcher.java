package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.CancelSignal;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.CodegenApiException;
import io.codegenagentlogs.core.api.DeadlineExceededException;
import io.codegenagentlogs.core.api.Durations;
import io.codegenagentlogs.core.api.FetchObserver;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.LogPage;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.api.TimeSource;
import java.time.Duration;

/**
 * Follows one agent run from its first request to a terminal status, delivering every entry
 * exactly once, in order, to a listener.
 *
 * <p>Polling and paging are one loop around a {@code skip} cursor: full pages are fetched back to
 * back, and the poll interval is waited only when caught up. So logs stream while the run works,
 * and once it ends only the last page remains. It ends when the status is terminal and the cursor
 * has reached {@code total_logs}.
 *
 * <p>{@link #poll()} is one step (one request, with its retries) and never waits for the next
 * poll: a Jenkins step schedules steps on timers without holding a thread. {@link #run()} loops
 * for callers that may block, like the CLI. Not thread-safe: one thread polls at a time;
 * {@link #cancel()} and {@link #snapshot()} may be called from any thread.
 */
public final class RunWatcher {
    private final CodegenApiClient client;
    private final WatchOptions options;
    private final LogListener listener;
    private final TimeSource time;
    private final CancelSignal cancel = new CancelSignal();
    private final RecentEntries recent;
    private volatile WatchSnapshot snapshot;
    private RunInfo lastRun;
    private boolean reportedEmptyPage;

    private RunWatcher(CodegenApiClient client, WatchOptions options, WatchSnapshot from, LogListener listener, TimeSource time) {
        this.client = client;
        this.options = options;
        this.snapshot = from;
        this.listener = listener;
        this.time = time;
        this.recent = new RecentEntries(options.repeatWindow());
    }

    /**
     * @param from {@link WatchSnapshot#start} for a new watch, or a persisted snapshot to resume
     */
    public static RunWatcher create(CodegenApiClient client, WatchOptions options, WatchSnapshot from, LogListener listener) {
        return new RunWatcher(client, options, from, listener, TimeSource.SYSTEM);
    }

    /** Progress so far; after every delivered entry it counts that entry. */
    public WatchSnapshot snapshot() {
        return snapshot;
    }

    /**
     * After a restart: the raw JSON of the last entries delivered before it (up to
     * {@link WatchOptions#repeatWindow()}, oldest first), so that a page repeating them is recognized
     * (REPEATED_ENTRIES) exactly as it would have been without the restart, instead of delivered again.
     * Call before the first {@link #poll()}.
     */
    public void rememberDelivered(Iterable<String> rawJsonOldestFirst) {
        for (String raw : rawJsonOldestFirst) {
            recent.add(raw);
        }
    }

    /** Stops the watch promptly: the request in flight is aborted and any wait ends. */
    public void cancel() {
        cancel.cancel();
    }

    /** Polls until the end, waiting between polls. Interrupts and {@link #cancel()} end it as CANCELLED. */
    public WatchOutcome run() {
        try {
            while (true) {
                PollResult r = poll();
                if (r.isDone()) {
                    return r.outcome();
                }
                if (!cancel.sleep(Durations.toNanosSaturated(r.nextDelay()))) {
                    return cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelled();
        }
    }

    /** One step: one request (with its retries), its entries delivered, and what to do next. */
    public PollResult poll() throws InterruptedException {
        if (cancel.isCancelled()) {
            return PollResult.done(cancelled());
        }
        long deadline = deadline();
        if (time.currentTimeMillis() >= deadline) {
            return PollResult.done(timedOut());
        }
        WatchSnapshot before = snapshot;
        LogPage page;
        try {
            page = client.fetchLogs(before.orgId(), before.runId(), before.skip(), options.pageSize(), deadline,
                    new StatsObserver(), cancel);
        } catch (CodegenApiException e) {
            return PollResult.done(new WatchOutcome(WatchOutcome.Kind.API_ERROR, lastRun, snapshot, e, e.getMessage()));
        } catch (DeadlineExceededException e) {
            return PollResult.done(timedOut());
        } catch (InterruptedException e) {
            if (cancel.isCancelled()) {
                return PollResult.done(cancelled());
            }
            throw e;
        }
        return afterPage(page, deadline);
    }

    private PollResult afterPage(LogPage page, long deadline) {
        RunInfo run = page.run();
        lastRun = run;
        listener.onRun(run);
        long skipBefore = snapshot.skip();
        long total = page.totalLogs() == null ? -1 : page.totalLogs();
        if (total >= 0 && snapshot.lastTotalLogs() >= 0 && total < snapshot.lastTotalLogs()) {
            reportAnomaly(new Anomaly(Anomaly.Kind.TOTAL_SHRANK, skipBefore, "total_logs went down from "
                    + snapshot.lastTotalLogs() + " to " + total + "; entries already delivered are kept"));
        }
        if (page.logsWasNull()) {
            reportAnomaly(new Anomaly(Anomaly.Kind.NULL_LOGS, skipBefore, "the server sent \"logs\": null; treated as an empty page"));
        }
        snapshot = snapshot.withRun(run.status().raw(), total);
        int delivered = deliver(page.logs(), skipBefore);
        long skip = snapshot.skip();
        boolean pageWasFull = page.logs().size() >= options.pageSize();
        boolean moreKnown = total >= 0 && skip < total;

        if (delivered > 0) {
            snapshot = snapshot.withStalledPolls(0);
            reportedEmptyPage = false;
            if (pageWasFull || moreKnown) {
                return PollResult.again(Duration.ZERO);
            }
        }
        if (run.status().isTerminal()) {
            if (!moreKnown) {
                return PollResult.done(new WatchOutcome(WatchOutcome.Kind.COMPLETED, run, snapshot, null,
                        "run " + run.id() + " ended with status " + run.status() + "; " + skip + " log entries fetched"));
            }
            int stalled = snapshot.stalledPolls() + 1;
            snapshot = snapshot.withStalledPolls(stalled);
            if (stalled >= options.maxStalledPolls()) {
                String why = "the run ended but the server served only " + skip + " of the " + total
                        + " log entries it counts, after " + stalled + " tries";
                reportAnomaly(new Anomaly(Anomaly.Kind.INCOMPLETE, skip, why));
                return PollResult.done(new WatchOutcome(WatchOutcome.Kind.INCOMPLETE, run, snapshot, null, "Incomplete logs: " + why));
            }
        }
        if (delivered == 0 && moreKnown && !reportedEmptyPage) {
            reportedEmptyPage = true;
            reportAnomaly(new Anomaly(Anomaly.Kind.EMPTY_PAGE, skip, "the server counts " + total
                    + " log entries but sent none from " + skip + "; asking again after " + Durations.format(options.pollInterval())));
        }
        Duration wait = options.pollInterval();
        long untilDeadline = deadline - time.currentTimeMillis();
        if (untilDeadline < Durations.toMillisSaturated(wait)) {
            wait = Duration.ofMillis(Math.max(0, untilDeadline));
        }
        listener.onWaiting(run, skip, total, wait);
        return PollResult.again(wait);
    }

    /** Anomalies go to the listener and into the snapshot, so that a resumed watch still reports them. */
    private void reportAnomaly(Anomaly anomaly) {
        snapshot = snapshot.withAnomaly(anomaly);
        listener.onAnomaly(anomaly);
    }

    /** Hands new entries to the listener, dropping any already delivered; the cursor counts delivered entries only. */
    private int deliver(java.util.List<LogEntry> entries, long skipBefore) {
        int delivered = 0;
        int repeated = 0;
        for (LogEntry entry : entries) {
            if (recent.contains(entry.rawJson())) {
                repeated++;
                continue;
            }
            long index = snapshot.skip();
            listener.onEntry(index, entry);
            recent.add(entry.rawJson());
            snapshot = snapshot.withSkip(index + 1);
            delivered++;
        }
        if (repeated > 0) {
            reportAnomaly(new Anomaly(Anomaly.Kind.REPEATED_ENTRIES, skipBefore, "the page from " + skipBefore
                    + " repeated " + repeated + " entr" + (repeated == 1 ? "y" : "ies") + " already delivered; dropped"));
        }
        return delivered;
    }

    private long deadline() {
        long start = snapshot.startedAtEpochMillis();
        // saturated: a timeout of Long.MAX_VALUE seconds means "no timeout", not an ArithmeticException
        long timeout = Durations.toMillisSaturated(options.timeout());
        return Long.MAX_VALUE - timeout < start ? Long.MAX_VALUE : start + timeout;
    }

    private WatchOutcome timedOut() {
        WatchSnapshot s = snapshot;
        String status = lastRun == null ? "no answer yet" : "status " + lastRun.status();
        return new WatchOutcome(WatchOutcome.Kind.TIMED_OUT, lastRun, s, null, "Timed out after "
                + Durations.format(options.timeout()) + " (" + status + ", " + s.skip() + " log entries fetched); raise the timeout if runs take longer");
    }

    private WatchOutcome cancelled() {
        return new WatchOutcome(WatchOutcome.Kind.CANCELLED, lastRun, snapshot, null,
                "Cancelled after " + snapshot.skip() + " log entries");
    }

    /** Counts requests into the snapshot and passes retries on to the listener. */
    private final class StatsObserver implements FetchObserver {
        @Override
        public void onRequestSent(boolean retry) {
            snapshot = snapshot.withStats(snapshot.stats().plus(new RequestStats(1, retry ? 1 : 0, 0)));
        }

        @Override
        public void onRateLimited() {
            snapshot = snapshot.withStats(snapshot.stats().plus(new RequestStats(0, 0, 1)));
        }

        @Override
        public void onRetry(String reason, int attempt, Duration delay) {
            listener.onRetry(reason, attempt, delay);
        }
    }
}
