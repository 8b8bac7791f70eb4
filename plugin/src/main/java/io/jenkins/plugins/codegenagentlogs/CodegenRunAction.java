package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Api;
import hudson.model.Run;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SafeText;
import io.codegenagentlogs.core.report.ToolStats;
import io.codegenagentlogs.core.report.render.HtmlReportRenderer;
import io.codegenagentlogs.core.report.render.ReportWriter;
import io.codegenagentlogs.core.session.GateResult;
import io.jenkins.plugins.codegenagentlogs.CodegenAgentLogsStep.BuildResultMode;
import jakarta.servlet.ServletException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One watched agent run on the build page: a summary row ({@code summary.jelly}) and a page of its
 * own with the full report ({@code index.jelly}) and a download of {@code logs.ndjson}. A build
 * that watches several runs has several of these.
 *
 * <p>Only small fields are kept in {@code build.xml}; the report and the logs stay in files under
 * {@code <build dir>/codegen-agent-logs/<reportDirName>/}, read when a page asks for them. The small
 * fields are the run's summary in numbers: what {@code <build>/<urlName>/api/json} returns
 * ({@link Exported}) and what the job's trend ({@link CodegenTrendAction}) reads, build by build,
 * without opening any report or log file.
 */
@ExportedBean(defaultVisibility = 2)
public final class CodegenRunAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(CodegenRunAction.class.getName());

    /** The report fragment rendered once by the core's escaping renderer, shown on the action's page. */
    static final String FRAGMENT_HTML = "report-fragment.html";

    private final long orgId;
    private final long agentRunId;
    private final String reportDirName;
    /** PASSED, FAILED, TIMED_OUT, ERROR; null while the watch goes on. */
    private String verdict;
    private String status;
    private TreeMap<String, Long> counts;
    private long failures;
    private long logsFetched;
    private String webUrl;
    /** The gate's reasons, one line each (bounded); null for builds made before they were kept. */
    private ArrayList<String> reasons;
    /** The summary in numbers; null for builds made before they were kept (the trend leaves a gap). */
    private Long errorEntries;
    private Long failedCalls;
    private Long actions;
    private Long planEvaluations;
    private Long changes;
    private Long filesChanged;
    private ArrayList<String> pullRequests;
    private Long possibleLoops;
    private Long maxIdenticalCalls;
    /** From the first entry's created_at to the last one's: how long the agent ran, as its log tells. */
    private Long agentRunMillis;
    /** What a failed gate did to the build: FAILURE or UNSTABLE; null for builds made before it was kept. */
    private String buildResult;
    /** Failing entries per type, most first (for the build page's summary); null before it was kept. */
    private LinkedHashMap<String, Long> failingCounts;
    /** The first failing entries, as the build page shows them (each one line, bounded). */
    private ArrayList<FailureLine> firstFailures;

    private transient Run<?, ?> run;

    CodegenRunAction(long orgId, long agentRunId, String reportDirName) {
        this.orgId = orgId;
        this.agentRunId = agentRunId;
        this.reportDirName = reportDirName;
    }

    /** The action of this watch, added to the build (and saved) the first time. */
    static CodegenRunAction attach(Run<?, ?> run, long orgId, long agentRunId, String reportDirName) throws IOException {
        synchronized (CodegenRunAction.class) {
            for (CodegenRunAction a : run.getActions(CodegenRunAction.class)) {
                if (a.reportDirName.equals(reportDirName)) {
                    return a;
                }
            }
            CodegenRunAction a = new CodegenRunAction(orgId, agentRunId, reportDirName);
            run.addAction(a);
            run.save();
            return a;
        }
    }

    /**
     * Ends the action of a watch that failed before it could write a report, so that the build page
     * says "error" instead of "watching…" for good. Does nothing when the watch never attached one.
     */
    static void endWithoutReport(Run<?, ?> run, String reportDirName) throws IOException {
        for (CodegenRunAction a : run.getActions(CodegenRunAction.class)) {
            if (a.reportDirName.equals(reportDirName)) {
                synchronized (a) {
                    if (a.verdict != null) {
                        return;
                    }
                    a.verdict = Verdict.ERROR.name();
                }
                run.save();
            }
        }
    }

    /**
     * Records the verdict and writes the page's report fragment; saves the build.
     *
     * @param buildResult what a failed gate does to the build
     */
    void complete(Run<?, ?> run, GateResult result, BuildResultMode buildResult) throws IOException {
        // entries link to logs.ndjson through this action's own download (doLogs), relative to its page
        ReportWriter.writeAtomically(result.reportDir().resolve(FRAGMENT_HTML),
                HtmlReportRenderer.renderFragment(result.report(), "logs"));
        GateDecision decision = result.decision();
        RunInfo info = result.report().run();
        // Status and message types are agent-controlled text: keep them printable, one line, no bidi
        // overrides (Jelly escapes them for HTML; escaping does not stop text from reading backwards).
        TreeMap<String, Long> shownCounts = new TreeMap<>();
        result.report().summary().countsByType().forEach((type, n) -> shownCounts.merge(SafeText.oneLine(type, 60), n, Long::sum));
        synchronized (this) {
            verdict = decision.verdict().name();
            status = info == null ? null : SafeText.oneLine(info.status().toString(), 40);
            counts = shownCounts;
            failures = decision.failingEntries();
            logsFetched = result.report().logsFetched();
            webUrl = info == null ? null : info.safeWebUrl();
            keepNumbers(decision, result.report().summary());
            this.buildResult = buildResult.name();
            keepFailures(result.report().policy(), result.report().summary());
        }
        run.save();
    }

    /** How many entries of each failing type, and the first few of them, for the build page. */
    private void keepFailures(GatePolicy policy, RunSummary s) {
        failingCounts = new LinkedHashMap<>();
        s.countsByFrequency().stream()
                .filter(e -> policy.isFailing(e.getKey()))
                .forEach(e -> failingCounts.merge(SafeText.oneLine(e.getKey(), 60), e.getValue(), Long::sum));
        firstFailures = new ArrayList<>();
        for (FailureDetail f : s.failures().subList(0, Math.min(SHOWN_FAILURES, s.failures().size()))) {
            firstFailures.add(new FailureLine(f.index(), SafeText.oneLine(f.type(), 60),
                    f.tool() == null ? null : SafeText.oneLine(f.tool(), 60), SafeText.oneLine(f.message(), 300)));
        }
    }

    /** Failing entries the build page lists by their message; the report has them all. */
    static final int SHOWN_FAILURES = 2;

    /** One failing entry on the build page: where it is, what it is, what it says (one line, agent text cleaned). */
    public static final class FailureLine {
        private final long index;
        private final String type;
        private final String tool;
        private final String message;

        FailureLine(long index, String type, @CheckForNull String tool, String message) {
            this.index = index;
            this.type = type;
            this.tool = tool;
            this.message = message;
        }

        /** "#7 ERROR run_command": the entry's number as in the console and the report, its type and tool. */
        public String getLabel() {
            return "#" + index + " " + type + (tool == null ? "" : " " + tool);
        }

        /** The human message; the type itself when the entry says nothing readable. */
        public String getMessage() {
            return message == null || message.isEmpty() ? "(no message)" : message;
        }
    }

    /** The summary in numbers, and the few strings a person or a script needs (each one line, bounded). */
    private void keepNumbers(GateDecision decision, RunSummary s) {
        reasons = new ArrayList<>();
        for (String reason : decision.reasons().subList(0, Math.min(MAX_LISTED, decision.reasons().size()))) {
            reasons.add(SafeText.oneLine(reason, 500));
        }
        errorEntries = s.count("ERROR");
        failedCalls = s.tools().values().stream().mapToLong(ToolStats::failedCalls).sum();
        actions = s.reasoning().actions();
        planEvaluations = s.reasoning().planEvaluations();
        changes = s.audit().changeTotal();
        filesChanged = s.audit().fileTotal();
        pullRequests = new ArrayList<>(s.audit().pullRequests().subList(0, Math.min(MAX_LISTED, s.audit().pullRequests().size())));
        possibleLoops = s.reasoning().loopTotal();
        maxIdenticalCalls = s.reasoning().maxCalls();
        agentRunMillis = s.span() == null ? null : s.span().toMillis();
    }

    /** Reasons and pull requests kept in build.xml: the first ones (the report has them all). */
    static final int MAX_LISTED = 10;

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-logs";
    }

    @Override
    public String getDisplayName() {
        return "Codegen run " + agentRunId;
    }

    @Override
    public String getUrlName() {
        return "codegen-" + reportDirName;
    }

    /** {@code <action>/api/json}: this summary, for scripts and dashboards. */
    public Api getApi() {
        return new Api(this);
    }

    @Exported
    public long getOrgId() {
        return orgId;
    }

    @Exported
    public long getAgentRunId() {
        return agentRunId;
    }

    @Exported
    public synchronized boolean isFinished() {
        return verdict != null;
    }

    /** PASSED, FAILED, TIMED_OUT or ERROR; null while the watch goes on. */
    @Exported
    public synchronized @CheckForNull String getVerdict() {
        return verdict;
    }

    /** Why, one line each (the first {@value #MAX_LISTED}); empty while the watch goes on. */
    @Exported
    public synchronized List<String> getReasons() {
        return reasons == null ? List.of() : Collections.unmodifiableList(reasons);
    }

    /** ERROR entries; null until known. */
    @Exported
    public synchronized @CheckForNull Long getErrorEntries() {
        return errorEntries;
    }

    /** Tool calls whose result reported a failure (ERROR entries aside); null until known. */
    @Exported
    public synchronized @CheckForNull Long getFailedCalls() {
        return failedCalls;
    }

    /** ACTION entries; null until known. */
    @Exported
    public synchronized @CheckForNull Long getActions() {
        return actions;
    }

    /** PLAN_EVALUATION entries; null until known. */
    @Exported
    public synchronized @CheckForNull Long getPlanEvaluations() {
        return planEvaluations;
    }

    /** Code-changing tool calls (the report's "Changes made by the agent"); null until known. */
    @Exported
    public synchronized @CheckForNull Long getChanges() {
        return changes;
    }

    /** Distinct files those calls touched; null until known. */
    @Exported
    public synchronized @CheckForNull Long getFilesChanged() {
        return filesChanged;
    }

    /** Pull requests the agent opened (http(s) URLs, the first {@value #MAX_LISTED}); empty when none or unknown. */
    @Exported
    public synchronized List<String> getPullRequests() {
        return pullRequests == null ? List.of() : Collections.unmodifiableList(pullRequests);
    }

    /** Distinct tool calls made 3 times or more with the same input; null until known. */
    @Exported
    public synchronized @CheckForNull Long getPossibleLoops() {
        return possibleLoops;
    }

    /** How many times the most repeated identical tool call was made; null until known. */
    @Exported
    public synchronized @CheckForNull Long getMaxIdenticalCalls() {
        return maxIdenticalCalls;
    }

    /** From the first entry to the last, in milliseconds; null when unknown. */
    @Exported
    public synchronized @CheckForNull Long getAgentRunMillis() {
        return agentRunMillis;
    }

    /**
     * True when the build is over but this watch never reached a verdict: Jenkins stopped without
     * saving the build's program (a PERFORMANCE_OPTIMIZED build after a crash), so nothing resumed it.
     */
    public synchronized boolean isEndedWithoutVerdict() {
        return verdict == null && run != null && !run.isBuilding();
    }

    /** For people: "passed", "failed", "timed out", "error", "watching…", or that the build ended first. */
    public synchronized String getVerdictText() {
        if (verdict == null) {
            return isEndedWithoutVerdict() ? "no verdict: the build ended before the watch" : "watching\u2026";
        }
        return verdict.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The build page's first words: "gate passed", "gate failed", "timed out", "could not be checked", ... */
    public synchronized String getHeadline() {
        if (verdict == null) {
            return getVerdictText();
        }
        return switch (verdict) {
            case "PASSED" -> "gate passed";
            case "FAILED" -> "gate failed";
            case "TIMED_OUT" -> "timed out";
            default -> "could not be checked";
        };
    }

    /** What the verdict did to the build, or null when nothing: "the build is unstable", "the build failed". */
    public synchronized @CheckForNull String getConsequence() {
        if (verdict == null || verdict.equals("PASSED")) {
            return null;
        }
        if (verdict.equals("FAILED") && BuildResultMode.UNSTABLE.name().equals(buildResult)) {
            return "the build is unstable";
        }
        return "the build failed";
    }

    /** A failed gate that only made the build unstable. */
    public synchronized boolean isUnstable() {
        return "FAILED".equals(verdict) && BuildResultMode.UNSTABLE.name().equals(buildResult);
    }

    /** "3 failing entries: 2 ERROR, 1 PR_CREATION_FAILED"; "no failing entries"; null while the watch goes on. */
    public synchronized @CheckForNull String getFailingText() {
        if (verdict == null) {
            return null;
        }
        if (failures == 0) {
            return "no failing entries";
        }
        String text = failures + (failures == 1 ? " failing entry" : " failing entries");
        if (failingCounts == null || failingCounts.isEmpty()) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        failingCounts.forEach((type, n) -> parts.add(n + " " + type));
        return text + ": " + String.join(", ", parts);
    }

    /** The first failing entries (at most {@value #SHOWN_FAILURES}). */
    public synchronized List<FailureLine> getFirstFailures() {
        return firstFailures == null ? List.of() : Collections.unmodifiableList(firstFailures);
    }

    /** Failing entries not listed on the build page. */
    public synchronized long getMoreFailures() {
        return Math.max(0, failures - getFirstFailures().size());
    }

    /** Why a watch timed out or could not be checked (the first reason), or null. */
    public synchronized @CheckForNull String getProblem() {
        if (verdict == null || verdict.equals("PASSED") || verdict.equals("FAILED") || reasons == null || reasons.isEmpty()) {
            return null;
        }
        return reasons.get(0);
    }

    /** The run status as last seen (upper case), or null. */
    @Exported
    public synchronized @CheckForNull String getStatus() {
        return status;
    }

    /** Entries per message type; empty while the watch goes on. */
    @Exported
    public synchronized Map<String, Long> getCounts() {
        return counts == null ? Map.of() : Collections.unmodifiableMap(counts);
    }

    /** Entries of a type the gate fails on. */
    @Exported
    public synchronized long getFailures() {
        return failures;
    }

    @Exported
    public synchronized long getLogsFetched() {
        return logsFetched;
    }

    /** The Codegen trace page, only ever an http(s) URL; null when unknown. */
    @Exported
    public synchronized @CheckForNull String getWebUrl() {
        return webUrl;
    }

    /** The symbol for the summary row: the colour the verdict gave the build. */
    public synchronized String getSummaryIcon() {
        if (verdict == null) {
            return isEndedWithoutVerdict() ? "symbol-status-aborted" : "symbol-status-nobuilt-anime";
        }
        return switch (verdict) {
            case "PASSED" -> "symbol-status-blue";
            case "FAILED" -> isUnstable() ? "symbol-status-yellow" : "symbol-status-red";
            default -> "symbol-status-aborted";
        };
    }

    Path getReportDir() {
        return CodegenAgentLogsExecution.reportDir(run, reportDirName);
    }

    /**
     * The report as HTML produced by the core's renderer, which escapes every string from the
     * agent; null until the watch has ended. Shown raw ({@code <j:out>}) by index.jelly.
     */
    public @CheckForNull String getReportFragment() {
        if (run == null) {
            return null;
        }
        try {
            return Files.readString(getReportDir().resolve(FRAGMENT_HTML), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the Codegen report of " + run, e);
            return null;
        }
    }

    public boolean isLogsAvailable() {
        return run != null && Files.isRegularFile(getReportDir().resolve(ReportFiles.LOGS_NDJSON));
    }

    /** {@code <action>/logs}: every entry exactly as received, one JSON object a line, as a download. */
    public void doLogs(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        serve(req, rsp, ReportFiles.LOGS_NDJSON, "application/x-ndjson",
                "codegen-run-" + agentRunId + "-logs.ndjson");
    }

    /** {@code <action>/summary.json}: the machine-readable summary. */
    public void doSummaryJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        serve(req, rsp, ReportFiles.SUMMARY_JSON, "application/json",
                "codegen-run-" + agentRunId + "-summary.json");
    }

    private void serve(@NonNull StaplerRequest2 req, @NonNull StaplerResponse2 rsp, String fileName, String contentType,
            String downloadName) throws IOException, ServletException {
        if (run == null) {
            throw HttpResponses.notFound();
        }
        // Reaching the action already takes the build's Item.READ; check again here so that no route
        // to these files (a future URL, another action delegating here) skips it.
        run.checkPermission(hudson.model.Item.READ);
        Path file = getReportDir().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw HttpResponses.notFound();
        }
        rsp.setHeader("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        // While the watch goes on, logs.ndjson grows several times a second: no Last-Modified then, or
        // Stapler would answer a conditional GET within the same second with 304 and a stale copy.
        long lastModified = isFinished() ? Files.getLastModifiedTime(file).toMillis() : 0;
        long size = Files.size(file);
        // Stapler copies the stream to its end, and bytes past the Content-Length it announced break
        // the response (the container aborts it, or a keep-alive client reads them as the start of the
        // next response). Serve exactly the bytes that were there when the size was taken (during a
        // watch the last line may be incomplete; once the watch has ended the file is final).
        try (InputStream in = new Prefix(Files.newInputStream(file), size)) {
            rsp.serveFile(req, in, lastModified, 0, size, "mime-type:" + contentType + "; charset=UTF-8");
        }
    }

    /** The first {@code limit} bytes of a stream. */
    static final class Prefix extends FilterInputStream {
        private long left;

        Prefix(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return len == 0 ? 0 : -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }
}
