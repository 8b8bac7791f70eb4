package io.codegenagentlogs.core.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.LogListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link RunSummary} one entry at a time. Memory stays constant in the number of entries:
 * every collection here has a limit, and every kept string is bounded, because a run can have
 * 100,000 entries and every field of an entry is controlled by the agent.
 *
 * <p>Listener calls come from the watcher's thread; {@link #snapshot()} may come from another (a
 * Jenkins page showing progress), hence the synchronization.
 */
public final class SummaryAccumulator implements LogListener {
    /** Failing entries kept in detail; the rest are only counted. */
    public static final int MAX_FAILURE_DETAILS = 100;
    /** The timeline sample halves itself when it reaches this size. */
    public static final int MAX_TIMELINE_POINTS = 1000;
    /** Distinct message types and distinct tools counted by name; more go to {@link RunSummary#OTHER}. */
    public static final int MAX_DISTINCT_TYPES = 200;
    public static final int MAX_DISTINCT_TOOLS = 200;
    /** Names (types, tools, timestamps) longer than this are cut: they are map keys and table cells. */
    public static final int MAX_NAME_CHARS = 200;
    /** A failing entry's one-line message. */
    public static final int MESSAGE_CHARS = 500;
    /** The final answer: 64 Ki characters. */
    public static final int FINAL_ANSWER_CHARS = 64 * 1024;

    private static final Set<String> ERROR_STATUSES = Set.of("error", "failed", "failure");

    private final GatePolicy policy;

    private RunInfo run;
    private long entriesSeen;
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, long[]> tools = new HashMap<>();
    private final List<FailureDetail> failures = new ArrayList<>();
    private long failureTotal;
    private String finalAnswer;
    private boolean finalAnswerTruncated;
    private Instant firstEntryAt;
    private Instant lastEntryAt;
    private final List<TimelinePoint> timeline = new ArrayList<>();
    private long timelineStride = 1;
    private TimelinePoint lastPoint;

    public SummaryAccumulator(GatePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public synchronized void onRun(RunInfo run) {
        if (run != null) {
            this.run = run;
        }
    }

    @Override
    public synchronized void onEntry(long index, LogEntry entry) {
        String type = bounded(entry.normalizedType());
        boolean failing = policy.isFailing(entry.normalizedType());
        countType(failing ? entry.normalizedType() : type, failing);

        String tool = entry.toolName();
        if (tool != null && !tool.isBlank()) {
            countTool(bounded(tool), isToolError(entry));
        }

        if (failing) {
            failureTotal++;
            if (failures.size() < MAX_FAILURE_DETAILS) {
                failures.add(new FailureDetail(index, boundedOrNull(entry.createdAtText()), type,
                        tool == null ? null : bounded(tool), SafeText.oneLine(failureText(entry), MESSAGE_CHARS)));
            }
        }

        if ("FINAL_ANSWER".equals(entry.normalizedType())) {
            keepFinalAnswer(entry);
        }

        Instant at = entry.createdAt();
        if (at != null) {
            if (firstEntryAt == null) {
                firstEntryAt = at;
            }
            lastEntryAt = at;
        }
        sample(index, at, type);
        entriesSeen++;
    }

    /** An immutable copy of what has been seen so far; the accumulator keeps going. */
    public synchronized RunSummary snapshot() {
        Map<String, ToolStats> toolStats = new HashMap<>();
        tools.forEach((name, ce) -> toolStats.put(name, new ToolStats(name, ce[0], ce[1])));
        List<TimelinePoint> points = new ArrayList<>(timeline);
        if (lastPoint != null && (points.isEmpty() || points.get(points.size() - 1).index() != lastPoint.index())) {
            points.add(lastPoint);
        }
        return new RunSummary(run, entriesSeen, counts, toolStats, failures, failureTotal, finalAnswer,
                finalAnswerTruncated, firstEntryAt, lastEntryAt, points, timelineStride);
    }

    /** The policy's types are always counted by name: the gate reads them from these counts. */
    private void countType(String type, boolean failing) {
        String key = failing || counts.containsKey(type) || counts.size() < MAX_DISTINCT_TYPES ? type : RunSummary.OTHER;
        counts.merge(key, 1L, Long::sum);
    }

    private void countTool(String tool, boolean error) {
        String key = tools.containsKey(tool) || tools.size() < MAX_DISTINCT_TOOLS ? tool : RunSummary.OTHER;
        long[] ce = tools.computeIfAbsent(key, k -> new long[2]);
        ce[0]++;
        if (error) {
            ce[1]++;
        }
    }

    /**
     * An error is an ERROR entry, or one whose observation or tool output is an object saying so with
     * {@code "status": "error"|"failed"|"failure"} or a non-empty {@code "error"} value. Tools report
     * failures in their output far more often than through ERROR entries.
     */
    static boolean isToolError(LogEntry entry) {
        return "ERROR".equals(entry.normalizedType()) || saysError(entry.observation()) || saysError(entry.toolOutput());
    }

    private static boolean saysError(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            return false;
        }
        JsonObject o = e.getAsJsonObject();
        JsonElement status = o.get("status");
        if (status != null && status.isJsonPrimitive() && status.getAsJsonPrimitive().isString()
                && ERROR_STATUSES.contains(status.getAsString().trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        JsonElement error = o.get("error");
        if (error == null || error.isJsonNull()) {
            return false;
        }
        if (error.isJsonPrimitive()) {
            // "error": false and "error": "" are how some tools say "no error"
            var p = error.getAsJsonPrimitive();
            return p.isBoolean() ? p.getAsBoolean() : !p.getAsString().isBlank();
        }
        return true;
    }

    /**
     * For a failing entry the observation comes first: that is where ERROR entries carry the error
     * itself, while the thought is usually what the agent meant to do.
     */
    private static String failureText(LogEntry entry) {
        String obs = entry.observationText();
        return obs != null && !obs.isBlank() ? obs : entry.headline();
    }

    private void keepFinalAnswer(LogEntry entry) {
        String text = entry.observationText();
        if (text == null || text.isBlank()) {
            text = entry.thought();
        }
        if (text == null) {
            return;
        }
        finalAnswerTruncated = text.length() > FINAL_ANSWER_CHARS;
        finalAnswer = finalAnswerTruncated ? cut(text, FINAL_ANSWER_CHARS) : text;
    }

    /**
     * Keeps one entry in {@code timelineStride}. When the sample is full, every other point goes and
     * the stride doubles: the kept points are then exactly those a doubled stride would have kept.
     */
    private void sample(long index, Instant at, String type) {
        TimelinePoint point = new TimelinePoint(index, at, type.length() > 64 ? cut(type, 64) : type);
        lastPoint = point;
        if (entriesSeen % timelineStride != 0) {
            return;
        }
        if (timeline.size() >= MAX_TIMELINE_POINTS) {
            int kept = 0;
            for (int i = 0; i < timeline.size(); i += 2) {
                timeline.set(kept++, timeline.get(i));
            }
            timeline.subList(kept, timeline.size()).clear();
            timelineStride *= 2;
            if (entriesSeen % timelineStride != 0) {
                return;
            }
        }
        timeline.add(point);
    }

    private static String bounded(String s) {
        return s.length() > MAX_NAME_CHARS ? cut(s, MAX_NAME_CHARS) + "…" : s;
    }

    private static String boundedOrNull(String s) {
        return s == null ? null : bounded(s);
    }

    /** The first {@code max} chars, not splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
