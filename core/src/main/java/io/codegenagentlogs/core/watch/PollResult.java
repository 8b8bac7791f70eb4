package io.codegenagentlogs.core.watch;

import java.time.Duration;

/**
 * What one {@link RunWatcher#poll()} step came to: either the end, or when to come back and why. A
 * step never waits: every wait (the poll interval, a retry's backoff, a {@code Retry-After}, a
 * rate-limit slot) is returned here, and whoever drives the watcher waits without holding a thread
 * (a timer, a scheduler) or on a thread of its own (the CLI).
 */
public final class PollResult {
    /** Why the watcher wants to come back later; schedulers order and pace watchers by it. */
    public enum Wait {
        /** More pages are waiting: come back at once (delay zero). */
        PAGES,
        /** Caught up with a run that is still going: the poll interval. */
        POLL,
        /** A request failed: its backoff (or Retry-After). */
        BACKOFF,
        /** The watcher holds a reserved rate-limit slot that comes after the delay. */
        RATE_LIMIT
    }

    private final WatchOutcome outcome;
    private final Duration nextDelay;
    private final Wait wait;

    private PollResult(WatchOutcome outcome, Duration nextDelay, Wait wait) {
        this.outcome = outcome;
        this.nextDelay = nextDelay;
        this.wait = wait;
    }

    public static PollResult done(WatchOutcome outcome) {
        return new PollResult(outcome, Duration.ZERO, null);
    }

    /** Come back after {@code delay}, for {@code why}; also for jobs of other kinds on a scheduler (a run being created). */
    public static PollResult again(Duration delay, Wait why) {
        return new PollResult(null, delay.isNegative() ? Duration.ZERO : delay, why);
    }

    public boolean isDone() {
        return outcome != null;
    }

    /** The end of the watch, or null while it goes on. */
    public WatchOutcome outcome() {
        return outcome;
    }

    /** How long to wait before the next poll: zero while there are pages to fetch. */
    public Duration nextDelay() {
        return nextDelay;
    }

    /** Why the delay; null once done. */
    public Wait waitReason() {
        return wait;
    }

    @Override
    public String toString() {
        return isDone() ? "done: " + outcome : "again in " + nextDelay.toMillis() + "ms (" + wait + ")";
    }
}
