package io.codegenagentlogs.core.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.codegenagentlogs.core.api.JsonText;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.LogListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link RunSummary} one entry at a time. Memory stays bounded whatever the number of
 * entries: every collection here has a limit, and every kept string is bounded, because a run can
 * have 100,000 entries and every field of an entry is controlled by the agent. Parsed parts of an
 * entry ({@code observation}, {@code tool_input}, {@code tool_output}) are read only for the
 * entries that need them: tool calls (for repeats and failed results), failing and ERROR entries,
 * code-changing calls, final answers and run links.
 *
 * <p>Listener calls come from the watcher's thread; {@link #snapshot()} may come from another (a
 * Jenkins page showing progress), hence the synchronization.
 */
public final class SummaryAccumulator implements LogListener {
    /** Failing entries kept in detail; the rest are only counted. */
    public static final int MAX_FAILURE_DETAILS = 100;
    /** The timeline sample halves itself when it reaches this size. */
    public static final int MAX_TIMELINE_POINTS = 1000;
    /** Failing and ERROR entries marked on the timeline. */
    public static final int MAX_ERROR_MARKS = 1000;
    /** Distinct message types and distinct tools counted by name; more go to {@link RunSummary#OTHER}. */
    public static final int MAX_DISTINCT_TYPES = 200;
    public static final int MAX_DISTINCT_TOOLS = 200;
    /** Names (types, tools, timestamps) longer than this are cut: they are map keys and table cells. */
    public static final int MAX_NAME_CHARS = 200;
    /** A failing entry's one-line message. */
    public static final int MESSAGE_CHARS = 500;
    /** A failing entry's full text. */
    public static final int TEXT_CHARS = 2000;
    /** A failing entry's raw JSON. */
    public static final int RAW_CHARS = 3000;
    /** The final answer: 64 Ki characters. */
    public static final int FINAL_ANSWER_CHARS = 64 * 1024;

    private static final Set<String> ERROR_STATUSES = Set.of("error", "failed", "failure");

    private final GatePolicy policy;

    private RunInfo run;
    private long entriesSeen;
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, ToolTally> tools = new HashMap<>();
    private final List<FailureDetail> failures = new ArrayList<>();
    private long failureTotal;
    private String finalAnswer;
    private String finalAnswerText;
    private boolean finalAnswerTruncated;
    private Instant firstEntryAt;
    private Instant lastEntryAt;
    private final List<TimelinePoint> timeline = new ArrayList<>();
    private long timelineStride = 1;
    private TimelinePoint lastPoint;
    private final List<TimelinePoint> errorMarks = new ArrayList<>();
    private long errorMarkTotal;
    private final AuditCollector audit;
    private final PatternCollector patterns = new PatternCollector();
    private final CallRepeats repeats = new CallRepeats();
    private final LinkCollector links = new LinkCollector();
    private long actions;
    private long planEvaluations;
    private long toolCalls;
    /** The previous call, waiting for the next entry's time to know how long it took. */
    private ToolTally pendingTool;
    private Instant pendingAt;
    private long pendingIndex;
    private String pendingName;
    private String pendingCreatedAt;
    /** The longest calls so far, shortest first (a small min-heap). */
    private final java.util.PriorityQueue<TimedCall> slowest = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong(TimedCall::millis).thenComparing(c -> -c.index()));

    public SummaryAccumulator(GatePolicy policy) {
        this(policy, ChangeRules.defaults());
    }

    /** @param changeRules which tool calls go into the audit trail */
    public SummaryAccumulator(GatePolicy policy, ChangeRules changeRules) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = new AuditCollector(Objects.requireNonNull(changeRules, "changeRules"));
    }

    @Override
    public synchronized void onRun(RunInfo run) {
        if (run != null) {
            this.run = run;
        }
    }

    @Override
    public synchronized void onEntry(long index, LogEntry entry) {
        String normalized = entry.normalizedType();
        String type = bounded(normalized);
        boolean failing = policy.isFailing(normalized);
        boolean error = "ERROR".equals(normalized);
        countType(failing ? normalized : type, failing);
        Instant at = entry.createdAt();
        timePendingCall(at);

        String rawTool = entry.toolName();
        String tool = rawTool == null || rawTool.isBlank() ? null : bounded(rawTool);
        boolean call = tool != null && !error;
        CallScan scan = call ? CallScan.of(tool, entry) : null;
        boolean failedCall = scan != null && scan.failed();
        if (tool != null) {
            ToolTally t = tally(tool);
            t.calls++;
            if (error) {
                t.errorEntries++;
            } else if (failedCall) {
                t.failedCalls++;
            }
            toolCalls++;
            if (call) {
                repeats.onCall(index, tool, scan.inputFingerprint(), entry);
                pendingTool = at == null ? null : t;
                pendingAt = at;
                pendingIndex = index;
                pendingName = tool;
                pendingCreatedAt = entry.createdAtText();
            }
        }
        if ("ACTION".equals(normalized)) {
            actions++;
        } else if ("PLAN_EVALUATION".equals(normalized)) {
            planEvaluations++;
        } else if ("AGENT_RUN_LINK".equals(normalized)) {
            links.onEntry(index, entry);
        }
        audit.onEntry(index, entry, tool, call, failedCall);

        if (failing || error) {
            String createdAt = boundedOrNull(entry.createdAtText());
            String message = SafeText.oneLine(firstNonBlank(HumanText.message(entry.observation()), HumanText.headline(entry)),
                    MESSAGE_CHARS);
            patterns.onEntry(index, createdAt, type, tool, message);
            errorMarkTotal++;
            if (errorMarks.size() < MAX_ERROR_MARKS) {
                errorMarks.add(new TimelinePoint(index, at, shortType(type)));
            }
            if (failing) {
                failureTotal++;
                if (failures.size() < MAX_FAILURE_DETAILS) {
                    failures.add(new FailureDetail(index, createdAt, type, tool, message,
                            bound(HumanText.detail(entry), TEXT_CHARS), bound(entry.rawJson(), RAW_CHARS)));
                }
            }
        }

        if ("FINAL_ANSWER".equals(normalized)) {
            keepFinalAnswer(entry);
        }

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
        Parts p = new Parts();
        p.run = run;
        p.entriesSeen = entriesSeen;
        p.counts = counts;
        p.tools = new HashMap<>();
        tools.forEach((name, t) -> p.tools.put(name, t.stats(name)));
        p.failures = failures;
        p.failureTotal = failureTotal;
        p.finalAnswer = finalAnswer;
        p.finalAnswerText = finalAnswerText;
        p.finalAnswerTruncated = finalAnswerTruncated;
        p.firstEntryAt = firstEntryAt;
        p.lastEntryAt = lastEntryAt;
        p.timeline = new ArrayList<>(timeline);
        if (lastPoint != null && (p.timeline.isEmpty() || p.timeline.get(p.timeline.size() - 1).index() != lastPoint.index())) {
            p.timeline.add(lastPoint);
        }
        p.timelineStride = timelineStride;
        p.errorMarks = errorMarks;
        p.errorMarkTotal = errorMarkTotal;
        p.audit = audit.snapshot();
        p.failurePatterns = patterns.snapshot();
        p.reasoning = repeats.snapshot(actions, planEvaluations, toolCalls);
        p.linkedRuns = links.links();
        p.linkedRunTotal = links.total();
        p.slowestCalls = new ArrayList<>(slowest);
        p.slowestCalls.sort(java.util.Comparator.comparingLong(TimedCall::millis).reversed()
                .thenComparingLong(TimedCall::index));
        return new RunSummary(p);
    }

    /** The previous call lasted until this entry: approximate, but the only clock the log has. */
    private void timePendingCall(Instant at) {
        if (pendingTool != null && at != null && !at.isBefore(pendingAt)) {
            long millis = Duration.between(pendingAt, at).toMillis();
            pendingTool.time.add(millis);
            if (slowest.size() < TimedCall.MAX_SHOWN || millis > slowest.peek().millis()) {
                slowest.add(new TimedCall(pendingIndex, boundedOrNull(pendingCreatedAt), pendingName, millis));
                if (slowest.size() > TimedCall.MAX_SHOWN) {
                    slowest.poll();
                }
            }
        }
        pendingTool = null;
        pendingAt = null;
    }

    /** The policy's types are always counted by name: the gate reads them from these counts. */
    private void countType(String type, boolean failing) {
        String key = failing || counts.containsKey(type) || counts.size() < MAX_DISTINCT_TYPES ? type : RunSummary.OTHER;
        counts.merge(key, 1L, Long::sum);
    }

    private ToolTally tally(String tool) {
        String key = tools.containsKey(tool) || tools.size() < MAX_DISTINCT_TOOLS ? tool : RunSummary.OTHER;
        return tools.computeIfAbsent(key, k -> new ToolTally());
    }

    /**
     * Whether an observation or tool output is an object saying it failed: {@code "status":
     * "error"|"failed"|"failure"}, a non-empty {@code "error"}, or a non-zero {@code "exit_code"}. Tools
     * report failures in their output far more often than through ERROR entries. {@link CallScan} reads
     * the same from the raw text without building the tree; this is its fallback.
     */
    static boolean saysFailure(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            return false;
        }
        JsonObject o = e.getAsJsonObject();
        JsonElement status = o.get("status");
        if (status != null && status.isJsonPrimitive() && status.getAsJsonPrimitive().isString()
                && ERROR_STATUSES.contains(status.getAsString().trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        JsonElement exit = o.get("exit_code");
        if (exit != null && exit.isJsonPrimitive() && exit.getAsJsonPrimitive().isNumber()
                && exit.getAsJsonPrimitive().getAsDouble() != 0) {
            return true;
        }
        JsonElement err = o.get("error");
        if (err == null || err.isJsonNull()) {
            return false;
        }
        if (err.isJsonPrimitive()) {
            // "error": false and "error": "" are how some tools say "no error"
            JsonPrimitive p = err.getAsJsonPrimitive();
            return p.isBoolean() ? p.getAsBoolean() : !p.getAsString().isBlank();
        }
        return true;
    }

    private void keepFinalAnswer(LogEntry entry) {
        String json = JsonText.of(entry.observation());
        String text = HumanText.full(entry.observation());
        if (json == null || json.isBlank()) {
            json = entry.thought();
            text = entry.thought();
        }
        if (json == null) {
            return;
        }
        finalAnswerTruncated = json.length() > FINAL_ANSWER_CHARS || text.length() > FINAL_ANSWER_CHARS;
        finalAnswer = cut(json, FINAL_ANSWER_CHARS);
        finalAnswerText = cut(text, FINAL_ANSWER_CHARS);
    }

    /**
     * Keeps one entry in {@code timelineStride}. When the sample is full, every other point goes and
     * the stride doubles: the kept points are then exactly those a doubled stride would have kept.
     */
    private void sample(long index, Instant at, String type) {
        TimelinePoint point = new TimelinePoint(index, at, shortType(type));
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

    private static String shortType(String type) {
        return type.length() > 64 ? cut(type, 64) : type;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    static String bounded(String s) {
        return s.length() > MAX_NAME_CHARS ? cut(s, MAX_NAME_CHARS) + "…" : s;
    }

    static String boundedOrNull(String s) {
        return s == null ? null : bounded(s);
    }

    /** At most {@code max} characters, and an ellipsis when cut; "" for null. */
    public static String bound(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? cut(s, max) + "…" : s;
    }

    /** The first {@code max} chars, not splitting a surrogate pair. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** One tool's counters while the run goes on. */
    private static final class ToolTally {
        long calls;
        long errorEntries;
        long failedCalls;
        final DurationSketch time = new DurationSketch();

        ToolStats stats(String name) {
            return new ToolStats(name, calls, errorEntries, failedCalls, time.stats());
        }
    }

    /** What a snapshot hands to {@link RunSummary}'s constructor. */
    static final class Parts {
        RunInfo run;
        long entriesSeen;
        Map<String, Long> counts;
        Map<String, ToolStats> tools;
        List<FailureDetail> failures;
        long failureTotal;
        String finalAnswer;
        String finalAnswerText;
        boolean finalAnswerTruncated;
        Instant firstEntryAt;
        Instant lastEntryAt;
        List<TimelinePoint> timeline;
        long timelineStride;
        List<TimelinePoint> errorMarks;
        long errorMarkTotal;
        AuditTrail audit;
        FailurePatterns failurePatterns;
        Reasoning reasoning;
        List<LinkedRun> linkedRuns;
        long linkedRunTotal;
        List<TimedCall> slowestCalls;
    }
}
