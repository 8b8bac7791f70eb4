package io.codegenagentlogs.core.watch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A watcher's progress, small and serializable, so that a watch can resume after a restart
 * without refetching or duplicating anything: entries before {@link #skip()} have been handed to
 * the listeners exactly once. It also keeps the anomalies seen so far (the first
 * {@link #MAX_ANOMALIES}, and their total), because unlike entries they are in no file to replay.
 * Immutable; each step of the watcher makes a new one.
 */
public final class WatchSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Anomalies kept; the rest are only counted. */
    public static final int MAX_ANOMALIES = 50;

    private final long orgId;
    private final long runId;
    private final long skip;
    private final long startedAtEpochMillis;
    private final String lastStatus;
    private final long lastTotalLogs;
    private final RequestStats stats;
    private final int stalledPolls;
    // A plain ArrayList, never modified after construction: Jenkins' River serialization handles it
    // without the reflective access that the JDK's immutable lists would need.
    private final ArrayList<Anomaly> anomalies;
    private final long anomalyTotal;

    private WatchSnapshot(long orgId, long runId, long skip, long startedAtEpochMillis, String lastStatus,
            long lastTotalLogs, RequestStats stats, int stalledPolls, ArrayList<Anomaly> anomalies, long anomalyTotal) {
        this.orgId = orgId;
        this.runId = runId;
        this.skip = skip;
        this.startedAtEpochMillis = startedAtEpochMillis;
        this.lastStatus = lastStatus;
        this.lastTotalLogs = lastTotalLogs;
        this.stats = stats;
        this.stalledPolls = stalledPolls;
        this.anomalies = anomalies;
        this.anomalyTotal = anomalyTotal;
    }

    /** The state of a watch that has not made any request yet. */
    public static WatchSnapshot start(long orgId, long runId, long startedAtEpochMillis) {
        return new WatchSnapshot(orgId, runId, 0, startedAtEpochMillis, null, -1, RequestStats.NONE, 0, new ArrayList<>(), 0);
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

    /** The first anomalies of the watch, at most {@link #MAX_ANOMALIES}, oldest first. */
    public List<Anomaly> anomalies() {
        return Collections.unmodifiableList(anomalies);
    }

    /** How many anomalies the watch has seen, including those not kept. */
    public long anomalyTotal() {
        return anomalyTotal;
    }

    WatchSnapshot withSkip(long newSkip) {
        return new WatchSnapshot(orgId, runId, newSkip, startedAtEpochMillis, lastStatus, lastTotalLogs, stats,
                stalledPolls, anomalies, anomalyTotal);
    }

    WatchSnapshot withRun(String status, long totalLogs) {
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, status, totalLogs, stats,
                stalledPolls, anomalies, anomalyTotal);
    }

    WatchSnapshot withStats(RequestStats newStats) {
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, lastStatus, lastTotalLogs, newStats,
                stalledPolls, anomalies, anomalyTotal);
    }

    WatchSnapshot withStalledPolls(int polls) {
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, lastStatus, lastTotalLogs, stats,
                polls, anomalies, anomalyTotal);
    }

    WatchSnapshot withAnomaly(Anomaly anomaly) {
        ArrayList<Anomaly> kept = anomalies;
        if (kept.size() < MAX_ANOMALIES) {
            kept = new ArrayList<>(anomalies);
            kept.add(anomaly);
        }
        return new WatchSnapshot(orgId, runId, skip, startedAtEpochMillis, lastStatus, lastTotalLogs, stats, stalledPolls,
                kept, anomalyTotal + 1);
    }

    @Override
    public String toString() {
        return "WatchSnapshot{run " + runId + ", org " + orgId + ", skip " + skip + ", status " + lastStatus
                + ", total " + lastTotalLogs + ", " + stats + ", " + anomalyTotal + " anomalies}";
    }
}
