package io.codegenagentlogs.core.watch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A watcher's progress, small and serializable, so that a watch can resume after a restart
 * without refetching or duplicating anything: entries before {@link #skip()} have been handed to
 * the listeners exactly once. It also keeps what a resumed watch must not forget:
 * <ul>
 * <li>the anomalies seen so far (the first {@link #MAX_ANOMALIES}, and their total), because unlike
 * entries they are in no file to replay;</li>
 * <li>the retry state: whether the API ever answered, since when it has been failing, how many
 * attempts failed in a row, the last failure, and how often the current page could not be read.
 * An outage that began before a restart is still one outage after it, and its budget still runs.</li>
 * </ul>
 * Immutable; each step of the watcher makes a new one.
 */
public final class WatchSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Anomalies kept; the rest are only counted. */
    public static final int MAX_ANOMALIES = 50;

    private long orgId;
    private long runId;
    private long skip;
    private long startedAtEpochMillis;
    private String lastStatus;
    private long lastTotalLogs;
    private RequestStats stats;
    private int stalledPolls;
    // A plain ArrayList, never modified after construction: Jenkins' River serialization handles it
    // without the reflective access that the JDK's immutable lists would need.
    private ArrayList<Anomaly> anomalies;
    private long anomalyTotal;
    // Retry state. Absent from snapshots written before it existed, where it reads as "no failure".
    private boolean answered;
    /** Wall-clock start of the current run of failures; 0 when the last request succeeded. */
    private long failingSinceEpochMillis;
    private int failedAttempts;
    private String lastFailure;
    private int malformedTries;

    private WatchSnapshot() {
    }

    private WatchSnapshot copy() {
        WatchSnapshot c = new WatchSnapshot();
        c.orgId = orgId;
        c.runId = runId;
        c.skip = skip;
        c.startedAtEpochMillis = startedAtEpochMillis;
        c.lastStatus = lastStatus;
        c.lastTotalLogs = lastTotalLogs;
        c.stats = stats;
        c.stalledPolls = stalledPolls;
        c.anomalies = anomalies;
        c.anomalyTotal = anomalyTotal;
        c.answered = answered;
        c.failingSinceEpochMillis = failingSinceEpochMillis;
        c.failedAttempts = failedAttempts;
        c.lastFailure = lastFailure;
        c.malformedTries = malformedTries;
        return c;
    }

    /** The state of a watch that has not made any request yet. */
    public static WatchSnapshot start(long orgId, long runId, long startedAtEpochMillis) {
        WatchSnapshot s = new WatchSnapshot();
        s.orgId = orgId;
        s.runId = runId;
        s.startedAtEpochMillis = startedAtEpochMillis;
        s.lastTotalLogs = -1;
        s.stats = RequestStats.NONE;
        s.anomalies = new ArrayList<>();
        return s;
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

    /** Whether the API has given a good answer (a readable page) at least once in this watch. */
    public boolean answered() {
        // snapshots written before this field existed: a status or a cursor means an answer came
        return answered || lastStatus != null || skip > 0;
    }

    /** Wall-clock time the current run of failures began, or 0 when the last request succeeded. */
    public long failingSinceEpochMillis() {
        return failingSinceEpochMillis;
    }

    /** Failed attempts in a row (the backoff's exponent); 0 after a success. */
    public int failedAttempts() {
        return failedAttempts;
    }

    /** What the last failed attempt ran into ("HTTP 503", "connection reset"), or null after a success. */
    public String lastFailure() {
        return lastFailure;
    }

    /** How many times in a row a page came back unreadable. */
    public int malformedTries() {
        return malformedTries;
    }

    WatchSnapshot withSkip(long newSkip) {
        WatchSnapshot c = copy();
        c.skip = newSkip;
        return c;
    }

    WatchSnapshot withRun(String status, long totalLogs) {
        WatchSnapshot c = copy();
        c.lastStatus = status;
        c.lastTotalLogs = totalLogs;
        return c;
    }

    WatchSnapshot withStats(RequestStats newStats) {
        WatchSnapshot c = copy();
        c.stats = newStats;
        return c;
    }

    WatchSnapshot withStalledPolls(int polls) {
        WatchSnapshot c = copy();
        c.stalledPolls = polls;
        return c;
    }

    /** A good answer: the API is there, any run of failures is over. */
    WatchSnapshot withAnswer() {
        WatchSnapshot c = copy();
        c.answered = true;
        c.failingSinceEpochMillis = 0;
        c.failedAttempts = 0;
        c.lastFailure = null;
        c.malformedTries = 0;
        return c;
    }

    /** One more failed attempt; a run of failures that had not begun begins {@code nowEpochMillis}. */
    WatchSnapshot withFailure(String cause, long nowEpochMillis, boolean malformed) {
        WatchSnapshot c = copy();
        if (c.failingSinceEpochMillis == 0) {
            c.failingSinceEpochMillis = Math.max(1, nowEpochMillis);
        }
        c.failedAttempts = failedAttempts + 1;
        c.lastFailure = cause;
        c.malformedTries = malformed ? malformedTries + 1 : malformedTries;
        return c;
    }

    /** A 429: the backoff grows, but being told to slow down is not an outage, so its clock does not start. */
    WatchSnapshot withRateLimited(String cause) {
        WatchSnapshot c = copy();
        c.failedAttempts = failedAttempts + 1;
        c.lastFailure = cause;
        return c;
    }

    WatchSnapshot withAnomaly(Anomaly anomaly) {
        WatchSnapshot c = copy();
        if (anomalies.size() < MAX_ANOMALIES) {
            c.anomalies = new ArrayList<>(anomalies);
            c.anomalies.add(anomaly);
        }
        c.anomalyTotal = anomalyTotal + 1;
        return c;
    }

    @Override
    public String toString() {
        return "WatchSnapshot{run " + runId + ", org " + orgId + ", skip " + skip + ", status " + lastStatus
                + ", total " + lastTotalLogs + ", " + stats + ", " + anomalyTotal + " anomalies"
                + (failedAttempts > 0 ? ", " + failedAttempts + " failures in a row (last: " + lastFailure + ")" : "") + "}";
    }
}
