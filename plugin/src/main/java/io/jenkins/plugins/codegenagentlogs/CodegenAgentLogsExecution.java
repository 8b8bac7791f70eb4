package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.console.HyperlinkNote;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.codegenagentlogs.core.api.AgentRunCreator;
import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CancelSignal;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.CodegenApiException;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.console.ConsoleFormat;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.SafeText;
import io.codegenagentlogs.core.session.GateRequest;
import io.codegenagentlogs.core.session.GateResult;
import io.codegenagentlogs.core.session.GateSession;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.PollResult;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchScheduler;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import io.jenkins.plugins.codegenagentlogs.CodegenAgentLogsStep.BuildResultMode;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The running {@code codegenAgentLogs} step. Asynchronous and durable:
 * <ul>
 * <li>{@link #start()} returns at once; the watch is a job of the core's {@code WatchScheduler}
 * ({@link CodegenPollingPool}): each step is at most one request, and every pause between steps is a
 * timer, so no executor, CPS thread, Timer thread or pool thread ever waits on Codegen.</li>
 * <li>What is persisted is small: the resolved settings (ids, policy, options, credential <em>id</em>),
 * the report directory name and the watcher's {@link WatchSnapshot}. The token is resolved again
 * from the credential on resume and never stored.</li>
 * <li>No entry is printed twice or lost across a restart: the console lines of one poll are
 * written to the build log and the snapshot that counts them is recorded in one critical section,
 * and the program state is serialized under the same lock. {@code logs.ndjson} is cut back to the
 * snapshot's cursor on resume by the core's {@link GateSession}.</li>
 * </ul>
 */
public final class CodegenAgentLogsExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CodegenAgentLogsExecution.class.getName());

    /** Under the build's directory: one sub-directory per watched agent run. */
    static final String REPORTS_DIR = "codegen-agent-logs";

    /**
     * System property: the request budget per token, like {@code 60/60s} (Codegen's documented limit,
     * the default). Shared by every watch of the same token in this JVM; read when the first one starts.
     */
    static final String RATE_LIMIT_PROPERTY = CodegenAgentLogsExecution.class.getName() + ".rateLimit";

    /** What {@link CodegenAgentLogsStep} resolved: small, serializable, no secret. */
    static final class Settings implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The run id of {@link #request} while the run is still to be created from {@link #prompt}: never asked for. */
        static final long RUN_TO_CREATE = Long.MAX_VALUE;
        final GateRequest request;
        final String baseUrl;
        final String credentialsId;
        final BuildResultMode mode;
        /** Non-null: create a run with this prompt first, then gate it; {@link #request} has no run id yet. */
        final String prompt;
        final Long repoId;

        Settings(GateRequest request, String baseUrl, String credentialsId, BuildResultMode mode) {
            this(request, baseUrl, credentialsId, mode, null, null);
        }

        Settings(GateRequest request, String baseUrl, String credentialsId, BuildResultMode mode, String prompt, Long repoId) {
            this.request = Objects.requireNonNull(request);
            this.baseUrl = Objects.requireNonNull(baseUrl);
            this.credentialsId = credentialsId;
            this.mode = Objects.requireNonNull(mode);
            this.prompt = prompt;
            this.repoId = repoId;
        }

        /** The gate's request for a run created from the prompt. */
        GateRequest forCreatedRun(long runId) {
            return GateRequest.builder().orgId(request.orgId()).runId(runId).policy(request.policy()).options(request.options())
                    .changeRules(request.changeRules()).failFast(request.failFast()).build();
        }
    }

    private final Settings settings;
    /** Set by {@link #start()}; names the report directory and the build page action. */
    private String reportDirName;
    /** The cursor of what has been printed; null before the first poll. Guarded by this. */
    private WatchSnapshot snapshot;
    /** Whether the opening line was printed. Guarded by this. */
    private boolean announced;
    /** The Codegen trace URL last printed as a link, or null. Guarded by this. */
    private String announcedWebUrl;
    /** With a prompt: set (and saved) before the creation request leaves, so a restart never sends a second. */
    private boolean creationSent;
    /** With a prompt: the id of the run it created, 0 until then. Guarded by this. */
    private long createdRunId;

    private transient volatile CodegenPollingPool pool;
    private transient volatile Live live;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "set again by onResume(), which runs first after deserialization")
    private transient volatile WatchScheduler.Handle handle;
    private transient volatile boolean stopping;
    private transient volatile boolean finished;
    /** Set by whoever completes the step first ({@link #stop} or the watch's end): the step completes once. */
    private transient AtomicBoolean completed;
    private transient Object lane;
    private transient CancelSignal creationCancel;
    /** The creation waiting for its slot, and the client it goes through (then the watch's). */
    private transient AgentRunCreator.Creation pendingCreation;
    private transient CodegenApiClient creationClient;

    CodegenAgentLogsExecution(@NonNull StepContext context, @NonNull Settings settings) {
        super(context);
        this.settings = settings;
    }

    /** Everything a session needs while this JVM runs; rebuilt after a restart. */
    private static final class Live {
        final Run<?, ?> run;
        final TaskListener listener;
        final GateSession session;
        final ConsoleBuffer console;
        final LinkAnnouncer links;
        final CodegenRunAction action;

        Live(Run<?, ?> run, TaskListener listener, GateSession session, ConsoleBuffer console, LinkAnnouncer links,
                CodegenRunAction action) {
            this.run = run;
            this.listener = listener;
            this.session = session;
            this.console = console;
            this.links = links;
            this.action = action;
        }
    }

    @Override
    public boolean start() throws Exception {
        FlowNode node = getContext().get(FlowNode.class);
        String suffix = node != null ? node.getId() : UUID.randomUUID().toString().substring(0, 8);
        reportDirName = (settings.prompt == null ? Long.toString(settings.request.runId()) : "created")
                + "-" + suffix.replaceAll("[^A-Za-z0-9_.-]", "_");
        schedule();
        return false;
    }

    @Override
    public void onResume() {
        schedule();
    }

    private void schedule() {
        pool = CodegenPollingPool.get();
        handle = pool.submit(new Watch(), new Ending());
    }

    /**
     * Claims the step's completion: true for the first caller only. {@code stop()} and the end of the
     * watch run on different threads and may both try; without this an aborted step could also
     * report success.
     */
    private boolean claimCompletion() {
        AtomicBoolean c;
        synchronized (this) {
            if (completed == null) {
                completed = new AtomicBoolean();
            }
            c = completed;
        }
        return c.compareAndSet(false, true);
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopping = true;
        creationCancel().cancel(); // a creation still waiting for a slot is not sent
        Live l = live;
        if (l != null) {
            l.session.cancel(); // the request in flight ends at once
        }
        WatchScheduler.Handle h = handle;
        if (h != null) {
            h.wake(); // the next step runs now: it ends the watch as CANCELLED and writes its report, completing nothing
        }
        if (claimCompletion()) {
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        WatchSnapshot s;
        synchronized (this) {
            s = snapshot;
        }
        GateRequest request = request();
        if (request == null) {
            return "Codegen agent logs: creating an agent run";
        }
        String run = "Codegen agent run " + request.runId();
        if (s == null) {
            return run + ": starting";
        }
        return run + ": status " + (s.lastStatus() == null ? "unknown" : SafeText.oneLine(s.lastStatus(), 40)) + ", "
                + s.skip() + (s.lastTotalLogs() >= 0 ? " of " + s.lastTotalLogs() : "") + " log entries fetched";
    }

    private synchronized Object lane() {
        if (lane == null) {
            lane = new Object();
        }
        return lane;
    }

    /** Thrown by a step that must end the watch without a report: stopped before it opened, or Jenkins shutting down. */
    private static final class NoReport extends Exception {
        private static final long serialVersionUID = 1L;

        NoReport(String why) {
            super(why, null, false, false);
        }
    }

    /** The watch as a job of the scheduler: one step of the session, its console lines and cursor committed together. */
    private final class Watch implements WatchScheduler.Job {
        @Override
        public PollResult step() throws Exception {
            synchronized (lane()) {
                if (finished) {
                    throw new NoReport("already ended");
                }
                return stepOnce();
            }
        }

        @Override
        public RateLimiter rateLimiter() {
            Live l = live;
            // unknown until the first step has resolved the token: the scheduler moves the watch to its lane then
            return l == null ? null : l.session.rateLimiter();
        }
    }

    /** How the watch ended: with an outcome (the report is written, the step completes) or without one. */
    private final class Ending implements WatchScheduler.Completion {
        @Override
        public void done(PollResult result) {
            synchronized (lane()) {
                Live l = live;
                if (l == null || finished) {
                    return;
                }
                try {
                    finish(l, result.outcome());
                } catch (Throwable t) {
                    fail(t);
                }
            }
        }

        @Override
        public void failed(Throwable error) {
            synchronized (lane()) {
                CodegenPollingPool p = pool;
                if (error instanceof NoReport || (p != null && p.isStopped())) {
                    // stopped before it opened, or Jenkins is shutting down: nothing moved past the recorded
                    // cursor, and onResume takes over after the restart
                    LOGGER.log(Level.FINE, "Codegen watch " + reportDirName + " ended without a report", error);
                    closeQuietly();
                    return;
                }
                fail(error);
            }
        }
    }

    /** One step: opens the session on the first, then one poll; its lines and cursor are committed together. */
    private PollResult stepOnce() throws Exception {
        CodegenPollingPool p = pool;
        if (p.isStopped()) {
            throw new NoReport("Jenkins is shutting down");
        }
        Live l = live;
        if (l == null) {
            if (stopping) {
                throw new NoReport("stopped before the watch began");
            }
            if (settings.prompt != null) {
                Duration wait = creationStep();
                if (wait != null) {
                    // waiting for a creation slot takes no slot of the token's lane: a backoff-like timer
                    return PollResult.again(wait, PollResult.Wait.BACKOFF);
                }
            }
            l = open();
            live = l;
            p.opened(l.session);
            if (stopping) {
                l.session.cancel(); // stopped while opening: the poll below ends at once as CANCELLED
            }
        }
        PollResult result = l.session.poll();
        if (stopping) {
            // stop() completed the step already: only the report of the cancelled watch is left to write
            if (!result.isDone()) {
                l.session.cancel();
                result = l.session.poll(); // no request: a cancelled watch ends at once
            }
            return result;
        }
        if (!commit(l)) {
            throw new NoReport("Jenkins is shutting down");
        }
        return result;
    }

    /** The gate's request: the step's, or, with a prompt, the one for the run it created (null before). */
    private synchronized GateRequest request() {
        if (settings.prompt == null) {
            return settings.request;
        }
        return createdRunId > 0 ? settings.forCreatedRun(createdRunId) : null;
    }

    private CodegenApiClient client(Run<?, ?> run) throws Exception {
        ApiToken token = CodegenCredentials.resolveToken(settings.credentialsId, run);
        CodegenApiClient.Builder clientBuilder = CodegenApiClient.builder()
                .baseUrl(settings.baseUrl)
                .token(token)
                .httpClient(JenkinsOkHttpClient.newClientBuilder(CodegenPollingPool.BASE_HTTP_CLIENT).build())
                .userAgent("codegen-agent-logs-jenkins");
        String rateLimit = SystemProperties.getString(RATE_LIMIT_PROPERTY);
        if (rateLimit != null) {
            clientBuilder.rateLimit(RateLimit.parse(rateLimit));
        }
        return clientBuilder.build();
    }

    /**
     * One step of creating the run from the prompt: how long to wait for a creation slot (the
     * scheduler comes back then; no thread sleeps), or null once the run exists. The flag that a
     * creation was sent is saved first, so that after a restart in between the step fails (the run
     * may exist) instead of creating another.
     */
    private Duration creationStep() throws Exception {
        AgentRunCreator.Creation creation;
        synchronized (this) {
            if (createdRunId > 0) {
                return null;
            }
            if (creationSent && pendingCreation == null) {
                throw new AbortException(CodegenAgentLogsStep.FUNCTION_NAME + ": Jenkins stopped while the agent run was "
                        + "being created, so it may or may not exist. Look for it in Codegen, then gate it with runId, or "
                        + "run the build again to create another");
            }
            creation = pendingCreation;
        }
        StepContext context = getContext();
        TaskListener listener = Objects.requireNonNull(context.get(TaskListener.class), "no listener");
        long orgId = settings.request.orgId();
        if (creation == null) {
            Run<?, ?> run = Objects.requireNonNull(context.get(Run.class), "no build");
            CodegenApiClient client = client(run);
            creation = new AgentRunCreator(client).prepare(orgId, settings.prompt, settings.repoId);
            synchronized (this) {
                pendingCreation = creation;
                creationClient = client;
            }
            listener.getLogger().println("Codegen agent logs: creating an agent run in organization " + orgId
                    + (settings.repoId == null ? "" : ", repository " + settings.repoId));
        }
        long wait = creation.nanosToWait();
        if (wait > 0) {
            return Duration.ofNanos(wait);
        }
        synchronized (this) {
            creationSent = true;
        }
        context.saveState().get(1, java.util.concurrent.TimeUnit.MINUTES);
        RunInfo created;
        try {
            created = creation.send(creationCancel());
        } catch (CodegenApiException e) {
            String what = e.getMessage() + (e.serverMessage() == null ? "" : " (" + SafeText.oneLine(e.serverMessage(), 300) + ")");
            throw new AbortException(CodegenAgentLogsStep.FUNCTION_NAME + ": " + SafeText.oneLine(what, 600) + ". To fix: "
                    + e.kind().advice());
        }
        if (created == null) {
            return Duration.ofNanos(Math.max(0, creation.nanosToWait())); // a 429: Codegen did nothing, ask again later
        }
        synchronized (this) {
            createdRunId = created.id();
            pendingCreation = null;
        }
        context.saveState();
        String url = created.safeWebUrl();
        listener.getLogger().println("Codegen agent logs: created agent run " + created.id()
                + (url == null ? "" : ": " + HyperlinkNote.encodeTo(url, SafeText.oneLine(url, 300))));
        return null;
    }

    private synchronized CancelSignal creationCancel() {
        if (creationCancel == null) {
            creationCancel = new CancelSignal();
        }
        return creationCancel;
    }

    /** Resolves the token, the report directory and the action, and opens (or resumes) the session. */
    private Live open() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = Objects.requireNonNull(context.get(Run.class), "no build");
        TaskListener listener = Objects.requireNonNull(context.get(TaskListener.class), "no listener");
        CodegenApiClient client;
        synchronized (this) {
            client = creationClient;
            creationClient = null;
        }
        if (client == null) {
            client = client(run);
        }
        GateRequest request = request();
        Path dir = reportDir(run, reportDirName);
        CodegenRunAction action = CodegenRunAction.attach(run, request.orgId(), request.runId(), reportDirName);

        WatchSnapshot from;
        boolean wasAnnounced;
        String lastUrl;
        synchronized (this) {
            from = snapshot;
            wasAnnounced = announced;
            lastUrl = announcedWebUrl;
        }
        ConsoleBuffer console = new ConsoleBuffer();
        if (!wasAnnounced) {
            synchronized (this) {
                PrintStream log = listener.getLogger();
                log.println("Codegen agent logs: watching agent run " + request.runId() + " in organization "
                        + request.orgId() + " at " + settings.baseUrl + " (gate: " + request.policy()
                        + "; a failed gate makes the build " + settings.mode + ")");
                log.flush();
                announced = true;
            }
        } else {
            console.out.println("Codegen agent logs: resuming agent run " + request.runId() + " after "
                    + (from == null ? 0 : from.skip()) + " log entries");
        }
        LinkAnnouncer links = new LinkAnnouncer(console.out, lastUrl);
        // the marker writes its console note just before the printer writes a failing entry's line
        LogListener printer = LogListener.all(new FailingEntryNote.Marker(console.out, request.policy()),
                new ConsolePrinter(console.out, request.policy()), links);
        GateSession session = GateSession.open(request, client, dir, from, printer);
        return new Live(run, listener, session, console, links, action);
    }

    /**
     * Prints what the last poll produced and records the cursor that counts it, as one step
     * with respect to {@link #writeObject}. Returns false when Jenkins is shutting down: then
     * neither moves, and the entries are fetched again after the restart.
     */
    private boolean commit(Live l) {
        boolean progressed;
        synchronized (this) {
            if (pool.isStopped() || stopping) {
                l.console.discard();
                return false;
            }
            WatchSnapshot now = l.session.snapshot();
            progressed = snapshot == null || now.skip() != snapshot.skip()
                    || !Objects.equals(now.lastStatus(), snapshot.lastStatus());
            l.console.drainTo(l.listener.getLogger());
            snapshot = now;
            announcedWebUrl = l.links.lastUrl;
        }
        if (progressed) {
            getContext().saveState(); // asynchronous; serializes this under the same lock
        }
        return true;
    }

    private void finish(Live l, WatchOutcome outcome) throws IOException, InterruptedException {
        finished = true;
        GateResult result;
        try {
            result = l.session.finish(outcome);
        } finally {
            closeQuietly();
        }
        l.action.complete(l.run, result, settings.mode);
        if (stopping || !claimCompletion()) {
            return; // stop() completed the step already, or is about to
        }
        GateDecision decision = result.decision();
        long agentRun = result.report().runId();
        PrintStream log = l.listener.getLogger();
        synchronized (this) {
            // The verdict once: a failed gate says it in the step's own error (or UNSTABLE) line below.
            if (decision.passed()) {
                log.println(ConsoleFormat.verdictLine(decision));
            }
            log.println("Codegen agent logs: report for agent run " + agentRun + ": "
                    + HyperlinkNote.encodeTo("/" + l.run.getUrl() + l.action.getUrlName() + "/", "open the report"));
            log.flush();
        }
        Map<String, Object> value = result.toMap();
        String reasons = SafeText.oneLine(String.join("; ", decision.reasons()), 2000);
        switch (decision.verdict()) {
            case PASSED -> getContext().onSuccess(value);
            case FAILED -> {
                String message = "Codegen agent run " + agentRun + " failed the gate: " + reasons;
                if (settings.mode == BuildResultMode.UNSTABLE) {
                    log.println(message + ". Marking the build UNSTABLE.");
                    l.run.setResult(Result.UNSTABLE);
                    FlowNode node = getContext().get(FlowNode.class);
                    if (node != null) {
                        node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
                    }
                    getContext().onSuccess(value);
                } else {
                    getContext().onFailure(new AbortException(message));
                }
            }
            case TIMED_OUT -> getContext().onFailure(new AbortException("Codegen agent run " + agentRun
                    + " did not finish in time: " + reasons));
            case ERROR -> getContext().onFailure(new AbortException("Codegen agent run " + agentRun
                    + " could not be checked: " + reasons));
        }
    }

    private void fail(Throwable t) {
        finished = true;
        closeQuietly();
        endActionWithoutReport();
        if (!stopping && claimCompletion()) {
            getContext().onFailure(t);
        }
    }

    private void endActionWithoutReport() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            if (run != null && reportDirName != null) {
                CodegenRunAction.endWithoutReport(run, reportDirName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not mark the Codegen report " + reportDirName + " as ended", e);
        }
    }

    private void closeQuietly() {
        Live l = live;
        live = null;
        if (l != null) {
            CodegenPollingPool p = pool;
            if (p != null) {
                p.closed(l.session);
            }
            try {
                l.session.close();
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.FINE, "closing the Codegen session", e);
            }
        }
    }

    static Path reportDir(Run<?, ?> run, String dirName) {
        return run.getRootDir().toPath().resolve(REPORTS_DIR).resolve(dirName);
    }

    /** The program state is written while no poll is between printing and recording its cursor. */
    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    /** One poll's console lines, held back until its cursor is recorded with them. */
    private static final class ConsoleBuffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);

        synchronized void drainTo(PrintStream log) {
            out.flush();
            if (bytes.size() > 0) {
                log.write(bytes.toByteArray(), 0, bytes.size());
                log.flush();
            }
            bytes.reset();
        }

        synchronized void discard() {
            out.flush();
            bytes.reset();
        }
    }

    /** Prints the Codegen trace page as a console link whenever it first appears or changes. */
    private static final class LinkAnnouncer implements LogListener {
        private final PrintStream out;
        volatile String lastUrl;

        LinkAnnouncer(PrintStream out, @CheckForNull String lastUrl) {
            this.out = out;
            this.lastUrl = lastUrl;
        }

        @Override
        public void onRun(RunInfo run) {
            String url = run.safeWebUrl();
            if (url != null && !url.equals(lastUrl)) {
                lastUrl = url;
                out.println("Codegen trace: " + HyperlinkNote.encodeTo(url, SafeText.oneLine(url, 300)));
            }
        }
    }
}
