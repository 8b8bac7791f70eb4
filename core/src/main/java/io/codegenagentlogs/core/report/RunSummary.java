package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.RunInfo;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run came to, in a size that does not grow with the number of entries: counts, tool usage,
 * the first failing entries, the final answer, a sampled timeline. Immutable and serializable, so
 * that a Jenkins build can keep it. Made by {@link SummaryAccumulator#snapshot()}.
 */
public final class RunSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The bucket that collects message types or tools beyond the distinct-name limits. Lower case, so it
     * never equals a normalized (upper-case) message type.
     */
    public static final String OTHER = "(other)";

    private final RunInfo run;
    private final long entriesSeen;
    private final Map<String, Long> countsByType;
    private final Map<String, ToolStats> tools;
    private final List<FailureDetail> failures;
    private final long failureTotal;
    private final String finalAnswer;
    private final boolean finalAnswerTruncated;
    private final Instant firstEntryAt;
    private final Instant lastEntryAt;
    private final List<TimelinePoint> timeline;
    private final long timelineStride;

    RunSummary(RunInfo run, long entriesSeen, Map<String, Long> countsByType, Map<String, ToolStats> tools,
            List<FailureDetail> failures, long failureTotal, String finalAnswer, boolean finalAnswerTruncated,
            Instant firstEntryAt, Instant lastEntryAt, List<TimelinePoint> timeline, long timelineStride) {
        this.run = run;
        this.entriesSeen = entriesSeen;
        this.countsByType = Collections.unmodifiableMap(new TreeMap<>(countsByType));
        this.tools = Collections.unmodifiableMap(new TreeMap<>(tools));
        this.failures = List.copyOf(failures);
        this.failureTotal = failureTotal;
        this.finalAnswer = finalAnswer;
        this.finalAnswerTruncated = finalAnswerTruncated;
        this.firstEntryAt = firstEntryAt;
        this.lastEntryAt = lastEntryAt;
        this.timeline = List.copyOf(timeline);
        this.timelineStride = timelineStride;
    }

    /** The run as last seen, or null when no response came (for example a summary rebuilt from NDJSON alone). */
    public RunInfo run() {
        return run;
    }

    /** Entries delivered. */
    public long entriesSeen() {
        return entriesSeen;
    }

    /**
     * Entries per normalized message type, sorted by type. Types of the policy are always counted
     * exactly; other types beyond {@link SummaryAccumulator#MAX_DISTINCT_TYPES} go to {@link #OTHER}.
     * This is what {@code Gate.evaluate} takes.
     */
    public Map<String, Long> countsByType() {
        return countsByType;
    }

    /** The count for one normalized type, 0 when never seen. */
    public long count(String normalizedType) {
        return countsByType.getOrDefault(normalizedType, 0L);
    }

    /** Tool usage by tool name, sorted by name; tools beyond the limit go to {@link #OTHER}. */
    public Map<String, ToolStats> tools() {
        return tools;
    }

    /** The first failing entries, in log order, at most {@link SummaryAccumulator#MAX_FAILURE_DETAILS}. */
    public List<FailureDetail> failures() {
        return failures;
    }

    /** All entries of a failing type, shown or not. */
    public long failureTotal() {
        return failureTotal;
    }

    /** The last FINAL_ANSWER entry's observation (else its thought), bounded; null when there was none. */
    public String finalAnswer() {
        return finalAnswer;
    }

    /** Whether {@link #finalAnswer()} was cut to {@link SummaryAccumulator#FINAL_ANSWER_CHARS}. */
    public boolean finalAnswerTruncated() {
        return finalAnswerTruncated;
    }

    /** The first readable {@code created_at}, or null. */
    public Instant firstEntryAt() {
        return firstEntryAt;
    }

    /** The last readable {@code created_at}, or null. */
    public Instant lastEntryAt() {
        return lastEntryAt;
    }

    /** A sample of the entries in log order, at most about {@link SummaryAccumulator#MAX_TIMELINE_POINTS}; the last entry is always in it. */
    public List<TimelinePoint> timeline() {
        return timeline;
    }

    /** One entry in this many was sampled into {@link #timeline()}. */
    public long timelineStride() {
        return timelineStride;
    }

    /** {@link #countsByType()} as rows, most entries first; ties in type order. */
    public List<Map.Entry<String, Long>> countsByFrequency() {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(countsByType.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return rows;
    }

    /** {@link #tools()} as rows, most calls first; ties in name order. */
    public List<ToolStats> toolsByCalls() {
        List<ToolStats> rows = new ArrayList<>(tools.values());
        rows.sort(Comparator.comparingLong(ToolStats::calls).reversed().thenComparing(ToolStats::name));
        return rows;
    }

    @Override
    public String toString() {
        return "RunSummary{" + entriesSeen + " entries, " + failureTotal + " failing, counts " + countsByType + "}";
    }
}
