package io.codegenagentlogs.core.session;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.Durations;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.gate.Gate;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.NdjsonLogWriter;
import io.codegenagentlogs.core.report.NdjsonReplay;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.ReportWriter;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.PollResult;
import io.codegenagentlogs.core.watch.RunWatcher;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One gate from first request to written report, the piece every surface (CLI, Jenkins step,
 * GitHub Action) drives: a watcher whose entries go to the console, to {@code logs.ndjson} and to
 * the summary, then the gate's decision and the report files.
 *
 * <p>{@code logs.ndjson} is the durable record: resuming from a snapshot cuts the file back to the
 * snapshot's cursor and replays it to rebuild the summary, so a restart neither loses nor repeats
 * an entry.
 */
public final class GateSession implements Closeable {
    private final GateRequest request;
    private final Path reportDir;
    private final SummaryAccumulator summary;
    private final NdjsonLogWriter ndjson;
    private final RunWatcher watcher;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    private GateSession(GateRequest request, Path reportDir, SummaryAccumulator summary, NdjsonLogWriter ndjson, RunWatcher watcher) {
        this.request = request;
        this.reportDir = reportDir;
        this.summary = summary;
        this.ndjson = ndjson;
        this.watcher = watcher;
    }

    /**
     * @param resumeFrom a snapshot persisted by an earlier session for the same run and directory, or null to start
     * @param console where readable progress goes (any listener; may be a no-op)
     */
    public static GateSession open(GateRequest request, CodegenApiClient client, Path reportDir, WatchSnapshot resumeFrom,
            LogListener console) throws IOException {
        Files.createDirectories(reportDir);
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
            long replayed = NdjsonReplay.replay(logs, LogListener.all(summary, tail), from.skip());
            if (replayed < from.skip()) {
                throw new IOException(logs + " holds " + replayed + " entries but the watch had delivered " + from.skip()
                        + ": the report directory is not the one this watch wrote; start the watch again");
            }
        }
        NdjsonLogWriter ndjson = NdjsonLogWriter.open(logs, from.skip());
        RunWatcher watcher = RunWatcher.create(client, request.options(), from, LogListener.all(summary, ndjson, console));
        watcher.rememberDelivered(lastDelivered);
        return new GateSession(request, reportDir, summary, ndjson, watcher);
    }

    /** One step of the watch (see {@link RunWatcher#poll()}); entries are on disk when it returns. */
    public PollResult poll() throws InterruptedException, IOException {
        PollResult r = watcher.poll();
        ndjson.flush();
        return r;
    }

    /** Progress to persist after each {@link #poll()}. */
    public WatchSnapshot snapshot() {
        return watcher.snapshot();
    }

    /** The summary so far. */
    public RunSummary summary() {
        return summary.snapshot();
    }

    /** Polls and waits until the end, then {@link #finish}es. Interrupts and {@link #cancel()} end it as CANCELLED. */
    public GateResult runToEnd() throws IOException {
        try {
            while (true) {
                PollResult r = poll();
                if (r.isDone()) {
                    return finish(r.outcome());
                }
                if (cancelled.await(Durations.toNanosSaturated(r.nextDelay()), TimeUnit.NANOSECONDS)) {
                    return finish(watcher.poll().outcome());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watcher.cancel();
            return finish(watcherCancelledOutcome());
        }
    }

    private WatchOutcome watcherCancelledOutcome() {
        try {
            return watcher.poll().outcome();
        } catch (InterruptedException impossible) {
            throw new IllegalStateException("a cancelled watcher does not wait", impossible);
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

    /** Ends the watch promptly from any thread; the next poll reports CANCELLED. */
    public void cancel() {
        watcher.cancel();
        cancelled.countDown();
    }

    @Override
    public void close() throws IOException {
        ndjson.close();
    }
}
