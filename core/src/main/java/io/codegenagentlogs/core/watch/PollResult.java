package io.codegenagentlogs.core.watch;

import java.time.Duration;

/** What one {@link RunWatcher#poll()} step came to: either the end, or when to poll next. */
public final class PollResult {
    private final WatchOutcome outcome;
    private final Duration nextDelay;

    private PollResult(WatchOutcome outcome, Duration nextDelay) {
        this.outcome = outcome;
        this.nextDelay = nextDelay;
    }

    static PollResult done(WatchOutcome outcome) {
        return new PollResult(outcome, Duration.ZERO);
    }

    static PollResult again(Duration delay) {
        return new PollResult(null, delay);
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
}
