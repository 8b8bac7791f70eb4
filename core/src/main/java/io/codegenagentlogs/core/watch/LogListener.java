package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import java.time.Duration;

/**
 * Receives what a watcher learns, on the watcher's own thread, in order. Implementations must be
 * quick and must not keep entries: memory stays constant in the number of logs.
 */
public interface LogListener {

    /** After every successful response: the run as it is now (status, web URL, result). */
    default void onRun(RunInfo run) {
    }

    /**
     * One entry, exactly once per position across the whole watch (restarts included).
     *
     * @param index the entry's zero-based position in the run's log
     */
    default void onEntry(long index, LogEntry entry) {
    }

    /** The watcher is caught up and will ask again after {@code nextPollIn}. */
    default void onWaiting(RunInfo run, long fetched, long totalLogs, Duration nextPollIn) {
    }

    /** A request failed and will be retried after {@code delay}. */
    default void onRetry(String reason, int attempt, Duration delay) {
    }

    /** The server said something inconsistent; the watcher kept going as documented in {@link Anomaly}. */
    default void onAnomaly(Anomaly anomaly) {
    }

    /** Fans one stream out to several listeners. */
    static LogListener all(LogListener... listeners) {
        return new CompositeListener(java.util.List.of(listeners));
    }
}
