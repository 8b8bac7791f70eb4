package io.codegenagentlogs.core.watch;

import java.io.Serializable;

/**
 * A watcher's progress, small and serializable, so that a watch can resume after a restart
 * without refetching or duplicating anything: entries before {@link #skip()} have been handed to
 * the listeners exactly once. Immutable; each step of the watcher makes a new one.
 */
public final class WatchSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long orgId;
    private final long runId;
    private final long skip;
    private final long startedAtEpochMillis;
    private final String lastStatus;
    private final long lastTotalLogs;
    private final RequestStats stats;
    private final int stalledPolls;

    private WatchSnapshot(long orgId, long runId, long skip, long startedAtEpochMillis, String lastStatus,
            long lastTotalLogs, RequestStats stats, int stalledPolls) {
        this.orgId = orgId;
        this.runId = runId;
        this.skip = skip;
        this.startedAtEpochMillis = startedAtEpochMillis;
        this.lastStatus = lastStatus;
        this.lastTotalLogs = lastTotalLogs;
        this.stats = stats;
        this.stalledPolls = stalledPolls;
    }

    /** The state of a watch that has not made any request yet. */
    public static WatchSnapshot start(long orgId, long runId, long startedAtEpochMillis) {
        return new WatchSnapshot(orgId, runId, 0, startedAtEpochMillis, null, -1, RequestStats.NONE, 0);
    }

    public long orgId() {
        return orgId;
    }

    public long runId() {
        return runId;
    }

    /** The cursor: how many entries have been delivered, and the next request's {@code skip}. */
    public long skip() {
        return skip;
    }

    /** When the watch began (wall clock), so that the overall timeout spans restarts. */
    public long startedAtEpochMillis() {
        return startedAtEpochMillis;
    }

    /** The last status seen, as sent, or null before the first answer. */
    public String lastStatus() {
        return lastStatus;
    }

    /** The last {@code total_logs} seen, or -1 when unknown. */
    public long lastTotalLogs() {
        return lastTotalLogs;
    }

    public RequestStats stats() {
        return stats;
    }

    /** Consecutive polls of a finished run that brought nothing although entries were missing. */
    public int stalledPolls() {
        return stalledPolls;
    }

    WatchSnapshot withSkip(long newSkip) {
        return new WatchSnapshot(orgId, runId, newSkip, startedAtEpochMillis, lastStatus, lastTotalLogs, stats, stalledPolls);
    }

    WatchSnapshot withRun(String status, long totalLogs) {
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, status, totalLogs, stats, stalledPolls);
    }

    WatchSnapshot withStats(RequestStats newStats) {
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, lastStatus, lastTotalLogs, newStats, stalledPolls);
    }

    WatchSnapshot withStalledPolls(int polls) {
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, lastStatus, lastTotalLogs, stats, polls);
    }

    @Override
    public String toString() {
        return "WatchSnapshot{run " + runId + ", org " + orgId + ", skip " + skip + ", status " + lastStatus
                + ", total " + lastTotalLogs + ", " + stats + "}";
    }
}
