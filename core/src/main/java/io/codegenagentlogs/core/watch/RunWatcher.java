package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.ApiErrorKind;
import io.codegenagentlogs.core.api.CancelSignal;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.CodegenApiException;
import io.codegenagentlogs.core.api.Durations;
import io.codegenagentlogs.core.api.FetchFailure;
import io.codegenagentlogs.core.api.FetchResult;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.LogPage;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.api.RetryPolicy;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.api.TimeSource;
import java.time.Duration;
import java.util.List;

/**
 * Follows one agent run from its first request to a terminal status, delivering every entry
 * exactly once, in order, to a listener.
 *
 * <p>Polling and paging are one loop around a {@code skip} cursor: full pages are fetched back to
 * back, and the poll interval is waited only when caught up. It ends when the status is terminal and
 * the cursor has reached {@code total_logs}, so a finished run of N entries costs
 * {@code max(1, ceil(N / 100))} requests. The cursor is the server's position: every entry the server
 * returns moves it, and a page that repeats entries is reported (REPEATED_ENTRIES), never trimmed.
 *
 * <p>{@link #poll()} is one step: at most one HTTP request, and never a wait. It takes a slot of the
 * shared rate limiter first (FIFO); when the slot is in the future it returns at once, keeping the
 * slot, with the delay until it. Failures are retried by time, not by count:
 * <ul>
 * <li>before the API has answered once, what shows a wrong configuration ends the watch at once with
 * its own one-line cause (unknown host, refused connection, TLS, 401, 403, 404); other transient
 * failures get {@link WatchOptions#STARTUP_RETRY_LIMIT};</li>
 * <li>after that, transient failures (5xx, 408, resets, timeouts, bodies cut short) are retried with
 * capped exponential backoff and jitter for {@link WatchOptions#maxOutage()}, the overall timeout
 * still bounding everything;</li>
 * <li>a 429 is waited out (at least the backoff, whatever {@code Retry-After} says) and pauses the
 * shared limiter; a page that cannot be read is tried twice.</li>
 * </ul>
 * The retry state lives in the {@link WatchSnapshot}, so it survives a restart.
 *
 * <p>{@link #run()} loops for callers that may block, like the CLI. Not thread-safe: one thread polls
 * at a time; {@link #cancel()} and {@link #snapshot()} may be called from any thread.
 */
public final class RunWatcher implements WatchScheduler.Job {
    /** Tries of a page that cannot be read before the watch gives up on it. */
    static final int MALFORMED_TRIES = 2;

    private final CodegenApiClient client;
    private final WatchOptions options;
    private final LogListener listener;
    private final TimeSource time;
    private final CancelSignal cancel = new CancelSignal();
    private final RecentEntries recent;
    private volatile WatchSnapshot snapshot;
    private RunInfo lastRun;
    private boolean reportedEmptyPage;
    /** A rate-limit slot reserved by an earlier step and not yet used. */
    private RateLimiter.Reservation slot;

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

    /** The limiter whose slots this watcher's requests take: schedulers group watchers by it. */
    @Override
    public RateLimiter rateLimiter() {
        return client.rateLimiter();
    }

    /**
     * After a restart: the raw JSON of the last entries delivered before it (up to
     * {@link WatchOptions#repeatWindow()}, oldest first, ending at the cursor), so that a page
     * repeating them is reported as it would have been without the restart. Only fingerprints are
     * kept. Call before the first {@link #poll()}.
     */
    public void rememberDelivered(List<String> rawJsonOldestFirst) {
        long index = snapshot.skip() - rawJsonOldestFirst.size();
        for (String raw : rawJsonOldestFirst) {
            recent.add(index++, RecentEntries.fingerprint(raw));
        }
    }

    /** Stops the watch promptly: the request in flight is aborted and any wait ends. */
    public void cancel() {
        cancel.cancel();
    }

    public boolean isCancelled() {
        return cancel.isCancelled();
    }

    /**
     * Ends the watch before the run ends, because whoever drives it needs no more (the gate's
     * fail-fast): what was delivered stays delivered.
     */
    public WatchOutcome stopEarly(String why) {
        cancel.cancel();
        return new WatchOutcome(WatchOutcome.Kind.STOPPED_EARLY, lastRun, snapshot, null, why);
    }

    /** Polls until the end, sleeping between polls on this thread. Interrupts and {@link #cancel()} end it as CANCELLED. */
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

    /** {@link #poll()}, for a {@link WatchScheduler}. */
    @Override
    public PollResult step() throws InterruptedException {
        return poll();
    }

    /** One step: at most one request, its entries delivered, and what to do next. Never waits. */
    public PollResult poll() throws InterruptedException {
        if (cancel.isCancelled()) {
            return PollResult.done(cancelled());
        }
        long now = time.currentTimeMillis();
        long deadline = deadline();
        if (now >= deadline) {
            return PollResult.done(timedOut(null));
        }
        RateLimiter limiter = client.rateLimiter();
        if (slot == null) {
            slot = limiter.reserve();
        }
        long wait = limiter.nanosUntil(slot);
        if (wait > 0) {
            if (now + nanosToMillisUp(wait) > deadline) {
                return PollResult.done(timedOut("the rate limit allows no request before then"));
            }
            return PollResult.again(Duration.ofNanos(wait), PollResult.Wait.RATE_LIMIT);
        }
        slot = null;
        WatchSnapshot before = snapshot;
        snapshot = before.withStats(before.stats().plus(new RequestStats(1, before.failedAttempts() > 0 ? 1 : 0, 0)));
        FetchResult result;
        try {
            result = client.fetch(before.orgId(), before.runId(), before.skip(), options.pageSize(), cancel);
        } catch (InterruptedException e) {
            if (cancel.isCancelled()) {
                return PollResult.done(cancelled());
            }
            throw e;
        }
        return result.ok() ? afterPage(result.page(), deadline) : afterFailure(result.failure(), deadline);
    }

    // ---- failures ---------------------------------------------------------------------------

    private PollResult afterFailure(FetchFailure f, long deadline) {
        long now = time.currentTimeMillis();
        RetryPolicy retry = options.retryPolicy();
        switch (f.kind()) {
            case SWITCHED_PATH -> {
                return PollResult.again(Duration.ZERO, PollResult.Wait.PAGES);
            }
            case FATAL -> {
                return PollResult.done(apiError(f.error()));
            }
            case RATE_LIMITED -> {
                snapshot = snapshot.withRateLimited(f.cause());
                snapshot = snapshot.withStats(snapshot.stats().plus(new RequestStats(0, 0, 1)));
                long backoff = retry.backoffNanos(snapshot.failedAttempts());
                long wait = f.retryAfter() == null ? backoff : Math.max(backoff, retry.retryAfterNanos(f.retryAfter()));
                // everyone sharing the token backs off, not only the watcher that was refused
                client.rateLimiter().pauseFor(wait);
                String why = "Rate limited (HTTP 429" + (f.retryAfter() == null ? ""
                        : ", Retry-After " + Durations.format(f.retryAfter())) + ")";
                return retryLater(why, wait, now, deadline);
            }
            case MALFORMED -> {
                snapshot = snapshot.withFailure(f.cause(), now, true);
                if (snapshot.malformedTries() >= MALFORMED_TRIES) {
                    CodegenApiException e = f.error();
                    return PollResult.done(apiError(new CodegenApiException(e.kind(), e.httpStatus(),
                            stripAdvice(e.getMessage()) + " (tried " + MALFORMED_TRIES + " times)", null, e.getCause())));
                }
                return retryLater("Unreadable answer (" + f.cause() + ")", retry.backoffNanos(snapshot.failedAttempts()), now, deadline);
            }
            case UNREACHABLE, TRANSIENT -> {
                if (f.kind() == FetchFailure.Kind.UNREACHABLE && !snapshot.answered()) {
                    // before any good answer this is the configuration, not an outage: say so at once
                    return PollResult.done(apiError(f.error()));
                }
                snapshot = snapshot.withFailure(f.cause(), now, false);
                long since = snapshot.failingSinceEpochMillis();
                long elapsed = Math.max(0, now - since);
                long budget = Durations.toMillisSaturated(budget());
                if (elapsed >= budget) {
                    return PollResult.done(apiError(unavailable(f, elapsed)));
                }
                long wait = retry.backoffNanos(snapshot.failedAttempts());
                if (f.retryAfter() != null) {
                    wait = Math.max(wait, retry.retryAfterNanos(f.retryAfter()));
                }
                // the last try comes when the budget ends, not after it
                long leftNanos = Durations.toNanosSaturated(Duration.ofMillis(budget - elapsed));
                wait = Math.min(wait, leftNanos);
                String why = (snapshot.answered() ? "API unavailable" : "API not answering")
                        + (elapsed < 1000 ? "" : " for " + Durations.format(Duration.ofMillis(elapsed / 1000 * 1000)))
                        + " (" + shortCause(f) + ")";
                return retryLater(why, wait, now, deadline);
            }
            default -> throw new IllegalStateException("unknown failure kind " + f.kind());
        }
    }

    /** "HTTP 503" for an answer (the server's words are for the final error, not every retry line), else what failed. */
    private static String shortCause(FetchFailure f) {
        return f.httpStatus() > 0 ? "HTTP " + f.httpStatus() : f.cause();
    }

    /** How long failures may go on: the outage budget, or less before the API has ever answered. */
    private Duration budget() {
        Duration max = options.maxOutage();
        if (snapshot.answered()) {
            return max;
        }
        return max.compareTo(WatchOptions.STARTUP_RETRY_LIMIT) < 0 ? max : WatchOptions.STARTUP_RETRY_LIMIT;
    }

    private PollResult retryLater(String why, long waitNanos, long now, long deadline) {
        Duration wait = Duration.ofNanos(Math.max(0, waitNanos));
        if (now + nanosToMillisUp(waitNanos) >= deadline) {
            return PollResult.done(timedOut("the next retry would come after it; last: " + snapshot.lastFailure()));
        }
        listener.onRetry(why, snapshot.failedAttempts(), wait);
        return PollResult.again(wait, PollResult.Wait.BACKOFF);
    }

    private CodegenApiException unavailable(FetchFailure f, long elapsedMillis) {
        String span = Durations.format(Duration.ofMillis(elapsedMillis / 1000 * 1000));
        String what = snapshot.answered()
                ? "The Codegen API stayed unavailable for " + span + ", longer than the outage budget ("
                        + Durations.format(options.maxOutage()) + "); last: " + f.cause()
                : "The Codegen API gave no usable answer in " + span + " since the watch began; last: " + f.cause();
        CodegenApiException cause = f.error();
        return new CodegenApiException(ApiErrorKind.API_UNAVAILABLE, f.httpStatus(), what, null,
                cause == null ? null : cause.getCause());
    }

    /** The first sentence of an API error (without its "To fix:"), to say more before the advice. */
    private static String stripAdvice(String message) {
        int at = message.indexOf(" To fix: ");
        String s = at < 0 ? message : message.substring(0, at);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- pages ------------------------------------------------------------------------------

    private PollResult afterPage(LogPage page, long deadline) {
        snapshot = snapshot.withAnswer();
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
        boolean terminal = run.status().isTerminal();
        boolean pageWasFull = page.logs().size() >= options.pageSize();
        boolean moreKnown = total >= 0 && skip < total;

        // a finished run whose count is reached is done, full page or not: no request for an empty last page
        if (terminal && !moreKnown && (total >= 0 || !pageWasFull)) {
            return PollResult.done(new WatchOutcome(WatchOutcome.Kind.COMPLETED, run, snapshot, null,
                    "run " + run.id() + " ended with status " + run.status() + "; " + skip + " log entries fetched"));
        }
        if (delivered > 0) {
            snapshot = snapshot.withStalledPolls(0);
            reportedEmptyPage = false;
            if (pageWasFull || moreKnown) {
                return PollResult.again(Duration.ZERO, PollResult.Wait.PAGES);
            }
        }
        if (terminal && moreKnown) {
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
        return PollResult.again(wait, PollResult.Wait.POLL);
    }

    /** Anomalies go to the listener and into the snapshot, so that a resumed watch still reports them. */
    private void reportAnomaly(Anomaly anomaly) {
        snapshot = snapshot.withAnomaly(anomaly);
        listener.onAnomaly(anomaly);
    }

    /** Hands every entry to the listener, in order; each moves the cursor. A page that starts with repeats is reported. */
    private int deliver(List<LogEntry> entries, long skipBefore) {
        long[] prints = new long[entries.size()];
        for (int i = 0; i < prints.length; i++) {
            prints[i] = RecentEntries.fingerprint(entries.get(i).rawJson());
        }
        int repeated = recent.repeatedAtStart(skipBefore, prints);
        for (int i = 0; i < prints.length; i++) {
            long index = snapshot.skip();
            listener.onEntry(index, entries.get(i));
            recent.add(index, prints[i]);
            snapshot = snapshot.withSkip(index + 1);
        }
        if (repeated > 0) {
            reportAnomaly(new Anomaly(Anomaly.Kind.REPEATED_ENTRIES, skipBefore, "the page from " + skipBefore
                    + " starts with " + repeated + " entr" + (repeated == 1 ? "y" : "ies") + " identical to the "
                    + (repeated == 1 ? "one" : repeated) + " before it; kept, since the cursor follows the server's positions"));
        }
        return entries.size();
    }

    // ---- ends -------------------------------------------------------------------------------

    private long deadline() {
        long start = snapshot.startedAtEpochMillis();
        // saturated: a timeout of Long.MAX_VALUE seconds means "no timeout", not an ArithmeticException
        long timeout = Durations.toMillisSaturated(options.timeout());
        return Long.MAX_VALUE - timeout < start ? Long.MAX_VALUE : start + timeout;
    }

    private static long nanosToMillisUp(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    private WatchOutcome apiError(CodegenApiException e) {
        return new WatchOutcome(WatchOutcome.Kind.API_ERROR, lastRun, snapshot, e, e.getMessage());
    }

    private WatchOutcome timedOut(String detail) {
        WatchSnapshot s = snapshot;
        String status = lastRun == null ? "no answer yet" : "status " + lastRun.status();
        String failing = s.failedAttempts() > 0 && detail == null ? "; the API was failing: " + s.lastFailure() : "";
        return new WatchOutcome(WatchOutcome.Kind.TIMED_OUT, lastRun, s, null, "Timed out after "
                + Durations.format(options.timeout()) + " (" + status + ", " + s.skip() + " log entries fetched"
                + failing + (detail == null ? "" : "; " + detail) + "); raise the timeout if runs take longer");
    }

    private WatchOutcome cancelled() {
        return new WatchOutcome(WatchOutcome.Kind.CANCELLED, lastRun, snapshot, null,
                "Cancelled after " + snapshot.skip() + " log entries");
    }
}
