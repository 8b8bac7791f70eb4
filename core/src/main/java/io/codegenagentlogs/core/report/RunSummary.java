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
 * What a run came to, in a size that does not grow with the number of entries: counts, tool usage
 * and times, the first failing entries, the final answer, a sampled timeline, and the insights
 * (audit trail, failure patterns, reasoning and loops, linked runs). Immutable and serializable.
 * Made by {@link SummaryAccumulator#snapshot()}; renderers are pure functions of it (in a {@link Report}).
 */
public final class RunSummary implements Serializable {
    private static final long serialVersionUID = 2L;

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
    private final String finalAnswerText;
    private final boolean finalAnswerTruncated;
    private final Instant firstEntryAt;
    private final Instant lastEntryAt;
    private final List<TimelinePoint> timeline;
    private final long timelineStride;
    private final List<TimelinePoint> errorMarks;
    private final long errorMarkTotal;
    private final AuditTrail audit;
    private final FailurePatterns failurePatterns;
    private final Reasoning reasoning;
    private final List<LinkedRun> linkedRuns;
    private final long linkedRunTotal;
    private final List<TimedCall> slowestCalls;

    RunSummary(SummaryAccumulator.Parts p) {
        this.run = p.run;
        this.entriesSeen = p.entriesSeen;
        this.countsByType = Collections.unmodifiableMap(new TreeMap<>(p.counts));
        this.tools = Collections.unmodifiableMap(new TreeMap<>(p.tools));
        this.failures = List.copyOf(p.failures);
        this.failureTotal = p.failureTotal;
        this.finalAnswer = p.finalAnswer;
        this.finalAnswerText = p.finalAnswerText;
        this.finalAnswerTruncated = p.finalAnswerTruncated;
        this.firstEntryAt = p.firstEntryAt;
        this.lastEntryAt = p.lastEntryAt;
        this.timeline = List.copyOf(p.timeline);
        this.timelineStride = p.timelineStride;
        this.errorMarks = List.copyOf(p.errorMarks);
        this.errorMarkTotal = p.errorMarkTotal;
        this.audit = p.audit;
        this.failurePatterns = p.failurePatterns;
        this.reasoning = p.reasoning;
        this.linkedRuns = List.copyOf(p.linkedRuns);
        this.linkedRunTotal = p.linkedRunTotal;
        this.slowestCalls = List.copyOf(p.slowestCalls);
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

    /**
     * The last FINAL_ANSWER entry's observation as JSON text (a string's value, an object's compact
     * JSON), else its thought; bounded; null when there was none.
     */
    public String finalAnswer() {
        return finalAnswer;
    }

    /**
     * The same answer as people read it ({@link HumanText#full}): an object's {@code summary} (or
     * {@code message}...) first, then its other fields as {@code key: value} lines; bounded; null when
     * there was none.
     */
    public String finalAnswerText() {
        return finalAnswerText;
    }

    /** Whether {@link #finalAnswer()} or {@link #finalAnswerText()} was cut to {@link SummaryAccumulator#FINAL_ANSWER_CHARS}. */
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

    /**
     * Every failing or ERROR entry's place in time, unsampled, so that the timeline can mark each of
     * them: the first {@link SummaryAccumulator#MAX_ERROR_MARKS}.
     */
    public List<TimelinePoint> errorMarks() {
        return errorMarks;
    }

    /** Failing and ERROR entries, marked or not. */
    public long errorMarkTotal() {
        return errorMarkTotal;
    }

    /** What the agent changed: code-changing calls, files, pull requests, commits. */
    public AuditTrail audit() {
        return audit;
    }

    /** Failing and ERROR entries grouped by tool and masked message. */
    public FailurePatterns failurePatterns() {
        return failurePatterns;
    }

    /** Actions, plan evaluations and repeated calls. */
    public Reasoning reasoning() {
        return reasoning;
    }

    /** AGENT_RUN_LINK entries, the first {@link LinkedRun#MAX_SHOWN}. */
    public List<LinkedRun> linkedRuns() {
        return linkedRuns;
    }

    /** All AGENT_RUN_LINK entries. */
    public long linkedRunTotal() {
        return linkedRunTotal;
    }

    /** The longest tool calls (approximate, entry to next entry), longest first, at most {@link TimedCall#MAX_SHOWN}. */
    public List<TimedCall> slowestCalls() {
        return slowestCalls;
    }

    /** The span from the first to the last readable {@code created_at}, or null. */
    public java.time.Duration span() {
        return firstEntryAt == null || lastEntryAt == null || lastEntryAt.isBefore(firstEntryAt) ? null
                : java.time.Duration.between(firstEntryAt, lastEntryAt);
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

    /** The tools that could be timed, most total time first; ties in name order. */
    public List<ToolStats> toolsByTime() {
        List<ToolStats> rows = new ArrayList<>();
        for (ToolStats t : tools.values()) {
            if (t.time() != null) {
                rows.add(t);
            }
        }
        rows.sort(Comparator.comparingLong((ToolStats t) -> t.time().totalMillis()).reversed().thenComparing(ToolStats::name));
        return rows;
    }

    @Override
    public String toString() {
        return "RunSummary{" + entriesSeen + " entries, " + failureTotal + " failing, counts " + countsByType + "}";
    }
}
