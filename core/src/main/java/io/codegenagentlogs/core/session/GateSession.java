package io.codegenagentlogs.core.session;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.gate.Gate;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.NdjsonLogWriter;
import io.codegenagentlogs.core.report.NdjsonReplay;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.report.render.ReportWriter;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.PollResult;
import io.codegenagentlogs.core.watch.RunWatcher;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchScheduler;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One gate from first request to written report, the piece every surface (CLI, Jenkins step,
 * GitHub Action) drives: a watcher whose entries go to the console, to {@code logs.ndjson} and to
 * the summary, then the gate's decision and the report files.
 *
 * <p>{@code logs.ndjson} is the durable record: every {@link #poll()} forces the entries it wrote to
 * disk before it returns, so a snapshot taken after it never counts an entry the file might lose.
 * Resuming from a snapshot cuts the file back to the snapshot's cursor and replays it (decoding no
 * line past the cursor) to rebuild the summary, so a restart neither loses nor repeats an entry.
 *
 * <p>The report directory is locked from {@link #open} to {@link #close()}: a second gate on the same
 * directory, in this process or another, is refused before it touches any file.
 */
public final class GateSession implements Closeable, WatchScheduler.Job {
    private final GateRequest request;
    private final Path reportDir;
    private final SummaryAccumulator summary;
    private final NdjsonLogWriter ndjson;
    private final RunWatcher watcher;
    private final FailingCount failing;
    private final ReportDirLock lock;
    private volatile WatchScheduler.Handle handle;

    private GateSession(GateRequest request, Path reportDir, SummaryAccumulator summary, NdjsonLogWriter ndjson,
            RunWatcher watcher, FailingCount failing, ReportDirLock lock) {
        this.request = request;
        this.reportDir = reportDir;
        this.summary = summary;
        this.ndjson = ndjson;
        this.watcher = watcher;
        this.failing = failing;
        this.lock = lock;
    }

    /**
     * @param resumeFrom a snapshot persisted by an earlier session for the same run and directory, or null to start
     * @param console where readable progress goes (any listener; may be a no-op)
     * @throws ReportDirInUseException when another gate is writing {@code reportDir}
     */
    public static GateSession open(GateRequest request, CodegenApiClient client, Path reportDir, WatchSnapshot resumeFrom,
            LogListener console) throws IOException {
        ReportDirLock lock = ReportDirLock.acquire(reportDir);
        try {
            return open(request, client, reportDir, resumeFrom, console, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static GateSession open(GateRequest request, CodegenApiClient client, Path reportDir, WatchSnapshot resumeFrom,
            LogListener console, ReportDirLock lock) throws IOException {
        WatchSnapshot from = resumeFrom != null ? resumeFrom
                : WatchSnapshot.start(request.orgId(), request.runId(), System.currentTimeMillis());
        if (from.runId() != request.runId() || from.orgId() != request.orgId()) {
            throw new IllegalArgumentException("The snapshot is of run " + from.runId() + " in org " + from.orgId()
                    + ", not of run " + request.runId() + " in org " + request.orgId());
        }
        SummaryAccumulator summary = new SummaryAccumulator(request.policy(), request.changeRules());
        Path logs = reportDir.resolve(ReportFiles.LOGS_NDJSON);
        // the last entries delivered before the restart: a page that repeats them must not deliver them again
        ArrayDeque<String> lastDelivered = new ArrayDeque<>();
        FailingCount failing = new FailingCount(request.policy());
        int window = request.options().repeatWindow();
        LogListener tail = new LogListener() {
            @Override
            public void onEntry(long index, LogEntry entry) {
                lastDelivered.addLast(entry.rawJson());
                if (lastDelivered.size() > window) {
                    lastDelivered.removeFirst();
                }
            }
        };
        if (from.skip() > 0) {
            long replayed = NdjsonReplay.replay(logs, LogListener.all(summary, failing, tail), from.skip());
            if (replayed < from.skip()) {
                throw new IOException(logs + " holds " + replayed + " entries but the watch had delivered " + from.skip()
                        + ": the report directory is not the one this watch wrote; start the watch again");
            }
        }
        NdjsonLogWriter ndjson = NdjsonLogWriter.open(logs, from.skip());
        RunWatcher watcher = RunWatcher.create(client, request.options(), from, LogListener.all(summary, failing, ndjson, console));
        watcher.rememberDelivered(List.copyOf(lastDelivered));
        return new GateSession(request, reportDir, summary, ndjson, watcher, failing, lock);
    }

    /**
     * One step of the watch (see {@link RunWatcher#poll()}): it never waits. When it returns, the
     * entries it delivered are on disk (forced), so the snapshot may be persisted. With
     * {@link GateRequest#failFast()}, the step that makes the verdict final ends the watch.
     */
    public PollResult poll() throws InterruptedException, IOException {
        PollResult r = watcher.poll();
        ndjson.flush();
        long failed = failing.count;
        if (!r.isDone() && request.failFast() && failed > request.policy().maxFailures()) {
            r = PollResult.done(watcher.stopEarly("Stopped early after " + watcher.snapshot().skip()
                    + " log entries (fail-fast): " + failed + " failing entr" + (failed == 1 ? "y" : "ies")
                    + " already exceed the " + request.policy().maxFailures() + " tolerated, so the verdict cannot change"));
        }
        return r;
    }

    /** The rate limiter this session's requests take slots of. */
    @Override
    public io.codegenagentlogs.core.api.RateLimiter rateLimiter() {
        return watcher.rateLimiter();
    }

    /** Progress to persist after each {@link #poll()}. */
    public WatchSnapshot snapshot() {
        return watcher.snapshot();
    }

    /** The summary so far. */
    public RunSummary summary() {
        return summary.snapshot();
    }

    /**
     * Runs the watch on the process-wide {@link WatchScheduler#shared() scheduler} until it ends, then
     * {@link #finish}es. The calling thread only waits for the end; interrupting it, or {@link #cancel()},
     * ends the watch as CANCELLED, and the report is written all the same.
     */
    public GateResult runToEnd() throws IOException {
        return runToEnd(WatchScheduler.shared());
    }

    /** {@link #runToEnd()} on the given scheduler. */
    public GateResult runToEnd(WatchScheduler scheduler) throws IOException {
        CompletableFuture<PollResult> end = new CompletableFuture<>();
        handle = scheduler.submit(this, new WatchScheduler.Completion() {
            @Override
            public void done(PollResult result) {
                end.complete(result);
            }

            @Override
            public void failed(Throwable error) {
                end.completeExceptionally(error);
            }
        });
        if (watcher.isCancelled()) {
            handle.wake(); // cancelled before the handle existed
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return finish(end.get().outcome());
                } catch (InterruptedException e) {
                    // the watch ends as CANCELLED at its next step, which the wake-up runs now
                    interrupted = true;
                    cancel();
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException("the watch failed: " + cause, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Decides and writes the report files; what was fetched is kept whatever the outcome. */
    public GateResult finish(WatchOutcome outcome) throws IOException {
        ndjson.close();
        RunSummary s = summary.snapshot();
        GateDecision decision = Gate.evaluate(request.policy(), outcome, s.countsByType(), s.reasoning().callRepeat());
        WatchSnapshot snap = outcome.snapshot();
        Report report = Report.builder()
                .summary(s)
                .decision(decision)
                .policy(request.policy())
                .stats(snap.stats())
                .anomalies(snap.anomalies(), snap.anomalyTotal())
                .duration(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - snap.startedAtEpochMillis())))
                .orgId(request.orgId())
                .runId(request.runId())
                .generatedAt(Instant.now())
                .logsFetched(snap.skip())
                .build();
        ReportWriter.writeAll(report, reportDir);
        return new GateResult(decision, report, outcome, reportDir);
    }

    /** Ends the watch promptly from any thread: the request in flight is aborted, the next step (run at once) reports CANCELLED. */
    public void cancel() {
        watcher.cancel();
        WatchScheduler.Handle h = handle;
        if (h != null) {
            h.wake();
        }
    }

    /** {@link #poll()}, for a {@link WatchScheduler}. */
    @Override
    public PollResult step() throws InterruptedException, IOException {
        return poll();
    }

    /** Ends the session: {@code logs.ndjson} forced and closed, the report directory unlocked. */
    @Override
    public void close() throws IOException {
        try (lock) {
            ndjson.close();
        }
    }

    /** Counts entries of the types the policy fails on, for fail-fast. */
    private static final class FailingCount implements LogListener {
        private final io.codegenagentlogs.core.gate.GatePolicy policy;
        private long count;

        FailingCount(io.codegenagentlogs.core.gate.GatePolicy policy) {
            this.policy = policy;
        }

        @Override
        public void onEntry(long index, LogEntry entry) {
            if (policy.isFailing(entry.normalizedType())) {
                count++;
            }
        }
    }
}
