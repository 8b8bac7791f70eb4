package io.codegenagentlogs.core.session;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.SimulatorFixtures;
import io.codegenagentlogs.core.watch.WatchOptions;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Fault;
import io.codegenagentlogs.simulator.Outage;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Issue 6's fault matrix, over real sockets against the simulator: every fault either ends in a
 * {@code logs.ndjson} byte-identical to a clean run's, or in its documented outcome with one clear
 * line. The gate's first page always succeeds, then the fault hits the pages after it (unless the
 * case is about the start). Only the API that the engine had before issue 6 is used
 * ({@link GateSession#open}, {@code poll}, {@code runToEnd}), so this class also runs against that
 * engine, where most cases fail.
 */
public class FaultMatrixTest {
    private static final long RUN = 4242;
    private static final int COUNT = 250;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = new Timeout(60, TimeUnit.SECONDS);

    private CodegenSimulator sim;
    private final List<String> anomalies = new ArrayList<>();
    /** Runs on every anomaly, on the watcher's thread: lets a test move the run on at that very moment. */
    private Runnable onAnomaly = () -> { };

    @After
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimulatedRun start(String status, int count) throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(RUN, status, count)));
        return sim.run(RUN);
    }

    /** What a clean run of {@code count} entries leaves in logs.ndjson. */
    private static byte[] clean(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes((SimulatorFixtures.entry(RUN, i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private GateRequest request(WatchOptions options) {
        return GateRequest.builder().orgId(SimulatorFixtures.ORG).runId(RUN).options(options).build();
    }

    private LogListener anomalyRecorder() {
        return new LogListener() {
            @Override
            public void onAnomaly(Anomaly anomaly) {
                anomalies.add(anomaly.kind().name());
                onAnomaly.run();
            }
        };
    }

    /** Fetches the first page cleanly, applies {@code fault} (faults to inject, an outage to start), then runs to the end. */
    private GateResult gate(Path dir, WatchOptions options, Runnable afterFirstPage) throws Exception {
        try (GateSession s = GateSession.open(request(options), SimulatorFixtures.client(sim), dir, null, anomalyRecorder())) {
            assertFalse(s.poll().isDone());
            afterFirstPage.run();
            return s.runToEnd();
        }
    }

    private GateResult gate(Runnable afterFirstPage) throws Exception {
        return gate(tmp.newFolder().toPath(), SimulatorFixtures.quick(), afterFirstPage);
    }

    private static void assertRecovered(GateResult r, int count) throws Exception {
        assertEquals(r.outcome().message(), WatchOutcome.Kind.COMPLETED, r.outcome().kind());
        assertEquals(Verdict.PASSED, r.decision().verdict());
        assertArrayEquals("logs.ndjson is byte-identical to a clean run's", clean(count),
                Files.readAllBytes(r.reportDir().resolve(ReportFiles.LOGS_NDJSON)));
    }

    private static void assertOneLine(String message, String expectedPart) {
        assertTrue(message, message.contains(expectedPart));
        assertFalse(message, message.contains("\n"));
    }

    private void inject(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            sim.inject(fault);
        }
    }

    // ---- retried until the API is back ------------------------------------------------------

    @Test
    public void serverErrorBurstsAreRiddenOut() throws Exception {
        // issue 6 #1: one HTTP 500 ended the watch; 502-504 bursts longer than six attempts did too
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> {
            for (int status : new int[] {500, 502, 503, 504}) {
                inject(Fault.status(status), 3);
            }
        }), COUNT);
    }

    @Test
    public void aTimedOutageOf5xxIsRiddenOut() throws Exception {
        // issue 6 #2: a short outage outlasted the six attempts (about 22 s by default, 0.1 s here)
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> sim.startOutage(Outage.status(503, Duration.ofMillis(1500)))), COUNT);
        assertTrue(sim.requests().all().stream().filter(c -> "outage:status".equals(c.fault())).count() > 6);
    }

    @Test
    public void aTimedOutageOfResetsIsRiddenOut() throws Exception {
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> sim.startOutage(Outage.resets(Duration.ofMillis(1500)))), COUNT);
    }

    @Test
    public void aTimedOutageOfBodiesCutShortIsRiddenOut() throws Exception {
        // issue 6 #2: "unexpected end of stream" sometimes ended the watch
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> sim.startOutage(Outage.truncated(Duration.ofMillis(1500)))), COUNT);
    }

    @Test
    public void resetsMidBodyReadTimeoutsAndSlowDripsAreRetried() throws Exception {
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> {
            inject(Fault.truncated(), 2);
            sim.inject(Fault.drop());
            sim.inject(Fault.slow(Duration.ofSeconds(5)));
            sim.inject(Fault.slowDrip(Duration.ofMillis(2)));
        }), COUNT);
    }

    @Test
    public void rateLimitStormsAreWaitedOutWhateverRetryAfterSays() throws Exception {
        // issue 6 #3: "Retry-After: 0" (or a date long past) meant no wait at all, and six 429s ended the gate
        start("COMPLETE", COUNT);
        GateResult r = gate(() -> {
            inject(Fault.rateLimited("0"), 4);
            inject(Fault.rateLimited("Wed, 21 Oct 2015 07:28:00 GMT"), 3);
            inject(Fault.rateLimited(null), 2);
            inject(Fault.rateLimited("1"), 1);
        });
        assertRecovered(r, COUNT);
        List<RecordedCall> calls = sim.requests().logsCalls();
        for (int i = 1; i < calls.size(); i++) {
            if (calls.get(i - 1).status() == 429) {
                long gap = calls.get(i).startNanos() - calls.get(i - 1).endNanos();
                // the quick test backoff starts at 5 ms, of which equal jitter keeps at least half
                assertTrue("a retry after a 429 waited " + gap + " ns", gap >= TimeUnit.MICROSECONDS.toNanos(2500));
            }
        }
        long afterOne = calls.stream().filter(c -> c.status() == 429).count();
        assertEquals(10, afterOne);
    }

    @Test
    public void aPageThatCannotBeReadOnceIsReadAgain() throws Exception {
        start("COMPLETE", 450);
        // each unreadable page is followed by a good one (a good page served as text/plain)
        assertRecovered(gate(() -> {
            sim.inject(Fault.truncatedJson());
            sim.inject(Fault.wrongContentType());
            sim.inject(Fault.htmlPage());
            sim.inject(Fault.wrongContentType());
            sim.inject(Fault.emptyBody());
        }), 450);
    }

    @Test
    public void invalidUtf8IsNeverKeptAsReplacementCharacters() throws Exception {
        // the old client decoded bodies leniently: the broken entry reached logs.ndjson with U+FFFD in it
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> sim.inject(Fault.invalidUtf8())), COUNT);
    }

    @Test
    public void aWrongContentTypeWithAGoodPageIsRead() throws Exception {
        start("COMPLETE", COUNT);
        assertRecovered(gate(() -> inject(Fault.wrongContentType(), 3)), COUNT);
    }

    // ---- pages that are strange but whole -----------------------------------------------------

    @Test
    public void deepAndHugeEntriesAreKeptByteForByte() throws Exception {
        // issue 6 #4: Gson's nesting limit (255) made a 600-deep tool output unreadable, and retried it
        SimulatedRun run = start("RUNNING", 0);
        List<String> raws = new ArrayList<>();
        raws.add("{\"agent_run_id\":" + RUN + ",\"message_type\":\"ACTION\",\"tool_output\":" + "[".repeat(600) + "]".repeat(600) + "}");
        raws.add("{\"agent_run_id\":" + RUN + ",\"message_type\":\"ACTION\",\"tool_output\":"
                + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}");
        raws.add("{\"agent_run_id\":" + RUN + ",\"message_type\":\"ACTION\",\"tool_output\":{\"text\":\"" + "y".repeat(50 << 20) + "\"}}");
        raws.add("{\"agent_run_id\":" + RUN + ",\"message_type\":\"FINAL_ANSWER\",\"observation\":\"done \uD83D\uDE00\"}");
        for (String raw : raws) {
            run.appendLog(raw);
        }
        run.setVisibleLogs(raws.size());
        run.setStatus("COMPLETE");
        Path dir = tmp.newFolder().toPath();
        GateResult r;
        // serving 50 MiB takes the simulator seconds on a busy machine: this case is about reading, not speed
        io.codegenagentlogs.core.api.CodegenApiClient patient = io.codegenagentlogs.core.api.CodegenApiClient.builder()
                .baseUrl(sim.baseUrl()).token(io.codegenagentlogs.core.api.ApiToken.of("sim-token"))
                .rateLimiter(new io.codegenagentlogs.core.api.RateLimiter(new io.codegenagentlogs.core.api.RateLimit(1000,
                        Duration.ofSeconds(1)), io.codegenagentlogs.core.api.TimeSource.SYSTEM))
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)).build();
        WatchOptions options = SimulatorFixtures.quickBuilder().timeout(Duration.ofSeconds(55)).build();
        try (GateSession s = GateSession.open(request(options), patient, dir, null, anomalyRecorder())) {
            r = s.runToEnd();
        }
        assertEquals(r.outcome().message(), WatchOutcome.Kind.COMPLETED, r.outcome().kind());
        assertEquals(1, sim.requests().logsCalls().size());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String raw : raws) {
            expected.writeBytes((raw + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(dir.resolve(ReportFiles.LOGS_NDJSON)));
    }

    @Test
    public void nullLogsMissingTotalsAndUnknownStatusesKeepTheWatchGoing() throws Exception {
        SimulatedRun run = start("WARMING_UP", COUNT);
        assertRecovered(gate(() -> {
            sim.inject(Fault.nullLogs());
            sim.inject(Fault.missingTotal());
            sim.inject(Fault.missingTotal());
            run.setStatus("COMPLETE");
        }), COUNT);
        assertTrue(anomalies.toString(), anomalies.contains("NULL_LOGS"));
    }

    @Test
    public void aTotalThatGoesDownIsReportedAndNothingIsLost() throws Exception {
        SimulatedRun run = start("RUNNING", COUNT);
        onAnomaly = () -> run.setStatus("COMPLETE");
        assertRecovered(gate(() -> sim.inject(Fault.shrinkTotal(50))), COUNT);
        assertEquals(List.of("TOTAL_SHRANK"), anomalies);
    }

    // ---- refused at once, with one line ------------------------------------------------------

    @Test
    public void anOutageLongerThanTheBudgetEndsWithOneClearLine() throws Exception {
        start("COMPLETE", COUNT);
        WatchOptions options = SimulatorFixtures.quickBuilder().maxOutage(Duration.ofMillis(300)).build();
        GateResult r = gate(tmp.newFolder().toPath(), options, () -> sim.startOutage(Outage.status(503, Duration.ofSeconds(30))));
        assertEquals(WatchOutcome.Kind.API_ERROR, r.outcome().kind());
        assertEquals(Verdict.ERROR, r.decision().verdict());
        assertOneLine(r.outcome().message(), "The Codegen API stayed unavailable for ");
        assertOneLine(r.outcome().message(), "longer than the outage budget (300ms); last: HTTP 503 (Service Unavailable)");
        assertOneLine(r.outcome().message(), "To fix: try again later, or allow a longer outage (--max-outage in the CLI, maxOutage in Jenkins).");
        // what came before the outage is kept
        assertArrayEquals(java.util.Arrays.copyOf(clean(COUNT), clean(100).length),
                Files.readAllBytes(r.reportDir().resolve(ReportFiles.LOGS_NDJSON)));
    }

    @Test
    public void aPageThatCannotBeReadTwiceEndsNamingTheEntryAndWhatIsWrong() throws Exception {
        start("COMPLETE", COUNT);
        GateResult r = gate(() -> inject(Fault.invalidUtf8(), 2));
        assertEquals(WatchOutcome.Kind.API_ERROR, r.outcome().kind());
        assertOneLine(r.outcome().message(), "The page of logs from entry 100 could not be read: log entry 100 (entry 1 of the page): "
                + "invalid UTF-8 (byte 0xC3) at byte 6 of the entry (tried 2 times)");
        assertEquals("tried twice, not six times", 3, sim.requests().logsCalls().size());
    }

    @Test
    public void aRunThatStaysActiveOrPausedTimesOutKeepingWhatCame() throws Exception {
        for (String status : new String[] {"ACTIVE", "PAUSED"}) {
            start(status, 150);
            WatchOptions options = SimulatorFixtures.quickBuilder().timeout(Duration.ofMillis(600)).build();
            GateResult r = gate(tmp.newFolder().toPath(), options, () -> { });
            assertEquals(status, WatchOutcome.Kind.TIMED_OUT, r.outcome().kind());
            assertEquals(Verdict.TIMED_OUT, r.decision().verdict());
            assertArrayEquals(clean(150), Files.readAllBytes(r.reportDir().resolve(ReportFiles.LOGS_NDJSON)));
            sim.close();
        }
        sim = null;
    }

    @Test
    public void aCancelMidPageKeepsEveryCompletePageAndNothingElse() throws Exception {
        start("COMPLETE", COUNT);
        Path dir = tmp.newFolder().toPath();
        GateResult r;
        try (GateSession s = GateSession.open(request(SimulatorFixtures.quick()), SimulatorFixtures.client(sim), dir, null,
                anomalyRecorder())) {
            assertFalse(s.poll().isDone());
            sim.inject(Fault.slow(Duration.ofSeconds(30)));
            CompletableFuture<GateResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.runToEnd();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // the second request is on its way once the watcher has counted it; the slow page then holds it
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.snapshot().stats().requests() < 2 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            s.cancel();
            r = running.get(10, TimeUnit.SECONDS);
        }
        assertEquals(WatchOutcome.Kind.CANCELLED, r.outcome().kind());
        assertArrayEquals(clean(100), Files.readAllBytes(dir.resolve(ReportFiles.LOGS_NDJSON)));
        assertTrue(Files.exists(dir.resolve(ReportFiles.SUMMARY_JSON)));
    }
}
