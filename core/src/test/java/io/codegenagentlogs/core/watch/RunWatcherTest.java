package io.codegenagentlogs.core.watch;

import static io.codegenagentlogs.core.watch.SimulatorFixtures.ORG;
import static io.codegenagentlogs.core.watch.SimulatorFixtures.client;
import static io.codegenagentlogs.core.watch.SimulatorFixtures.entry;
import static io.codegenagentlogs.core.watch.SimulatorFixtures.quick;
import static io.codegenagentlogs.core.watch.SimulatorFixtures.scenario;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Fault;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.After;
import org.junit.Test;

/** The watcher against the simulator over real sockets: streaming, exactly-once, anomalies, timeout, cancel, resume. */
public class RunWatcherTest {
    private static final long RUN = 777;
    private CodegenSimulator sim;

    @After
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimulatedRun start(String status, int count, int visible) throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson(scenario(RUN, status, count)));
        SimulatedRun run = sim.run(RUN);
        run.setVisibleLogs(visible);
        return run;
    }

    private RunWatcher watcher(SimulatorFixtures.Recording rec, WatchOptions options) {
        return RunWatcher.create(client(sim), options, WatchSnapshot.start(ORG, RUN, System.currentTimeMillis()), rec);
    }

    private static List<String> expected(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> entry(RUN, i)).toList();
    }

    private static void assertExactlyOnceInOrder(SimulatorFixtures.Recording rec, int count) {
        assertEquals(expected(0, count), rec.raws);
        assertEquals(IntStream.range(0, count).mapToObj(i -> (long) i).toList(), rec.indexes);
    }

    @Test
    public void pagesBackToBackThenWaitsOnlyWhenCaughtUpAndEndsWhenTerminalAndCaughtUp() throws Exception {
        SimulatedRun run = start("RUNNING", 250, 30);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        RunWatcher w = watcher(rec, quick());

        PollResult first = w.poll();
        assertFalse(first.isDone());
        assertEquals("caught up: wait the poll interval", Duration.ofMillis(10), first.nextDelay());
        run.setVisibleLogs(250);
        assertEquals("a full page: fetch the next at once", Duration.ZERO, w.poll().nextDelay());
        assertEquals(Duration.ZERO, w.poll().nextDelay());
        assertEquals(Duration.ofMillis(10), w.poll().nextDelay());
        run.setStatus("COMPLETE");
        PollResult last = w.poll();
        assertTrue(last.isDone());
        assertEquals(WatchOutcome.Kind.COMPLETED, last.outcome().kind());
        assertExactlyOnceInOrder(rec, 250);

        List<RecordedCall> calls = sim.requests().logsCalls();
        assertEquals(List.of("0", "30", "130", "230", "250"), calls.stream().map(c -> c.query().get("skip")).toList());
        assertTrue(calls.stream().allMatch(c -> Integer.parseInt(c.query().get("limit")) <= 100));
        assertEquals(5, last.outcome().snapshot().stats().requests());
    }

    @Test
    public void runFollowsAProgressiveRunToTheEnd() throws Exception {
        sim = CodegenSimulator.start(Scenario.bundled("progressive"));
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        RunWatcher w = RunWatcher.create(client(sim), WatchOptions.builder().pollInterval(Duration.ofMillis(50)).build(),
                WatchSnapshot.start(ORG, 4004, System.currentTimeMillis()), rec);
        WatchOutcome outcome = w.run();
        assertEquals(outcome.message(), WatchOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals(57, rec.raws.size());
        assertTrue("it waited while the run was working", rec.waits > 0);
        assertEquals("COMPLETE", rec.lastRun.status().toString());
    }

    @Test
    public void everyEntryArrivesExactlyOnceAcrossFaults() throws Exception {
        SimulatedRun run = start("RUNNING", 330, 330);
        sim.inject(Fault.status(503));
        sim.inject(Fault.drop());
        sim.inject(Fault.truncated());
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        RunWatcher w = watcher(rec, quick());
        w.poll();
        sim.inject(Fault.rateLimited("0"));
        sim.inject(Fault.slow(Duration.ofSeconds(5)));
        sim.inject(Fault.status(502));
        run.setStatus("COMPLETE");
        WatchOutcome outcome = w.run();

        assertEquals(outcome.message(), WatchOutcome.Kind.COMPLETED, outcome.kind());
        assertExactlyOnceInOrder(rec, 330);
        assertEquals(6, rec.retries.size());
        assertEquals(6, outcome.snapshot().stats().retries());
        assertEquals(1, outcome.snapshot().stats().rateLimited());
    }

    @Test
    public void shrinkingTotalKeepsWhatWasDeliveredAndEnds() throws Exception {
        SimulatedRun run = start("RUNNING", 10, 10);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        RunWatcher w = watcher(rec, quick());
        w.poll();
        run.setStatus("COMPLETE");
        sim.inject(Fault.shrinkTotal(3));
        PollResult r = w.poll();
        assertEquals(WatchOutcome.Kind.COMPLETED, r.outcome().kind());
        assertEquals(List.of(Anomaly.Kind.TOTAL_SHRANK), rec.anomalyKinds());
        assertExactlyOnceInOrder(rec, 10);
    }

    @Test
    public void emptyPageWhileRunningIsAskedAgain() throws Exception {
        start("COMPLETE", 20, 20);
        sim.inject(Fault.emptyPage());
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOutcome outcome = watcher(rec, quick()).run();
        assertEquals(WatchOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals(List.of(Anomaly.Kind.EMPTY_PAGE), rec.anomalyKinds());
        assertExactlyOnceInOrder(rec, 20);
    }

    @Test
    public void entriesThatNeverComeEndAsIncompleteAfterBoundedTries() throws Exception {
        start("COMPLETE", 5, 5);
        for (int i = 0; i < 5; i++) {
            sim.inject(Fault.emptyPage());
        }
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOutcome outcome = watcher(rec, quick()).run();
        assertEquals(WatchOutcome.Kind.INCOMPLETE, outcome.kind());
        assertTrue(outcome.message(), outcome.message().contains("only 0 of the 5"));
        assertEquals(3, sim.requests().logsCalls().size());
        assertTrue(rec.anomalyKinds().contains(Anomaly.Kind.INCOMPLETE));
    }

    @Test
    public void repeatedEntriesAreReportedAndKeptSinceTheCursorFollowsTheServer() throws Exception {
        SimulatedRun run = start("RUNNING", 20, 10);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        RunWatcher w = watcher(rec, quick());
        w.poll();
        run.setVisibleLogs(20);
        run.setStatus("COMPLETE");
        sim.inject(Fault.repeatEntries(5));
        PollResult last;
        do {
            last = w.poll();
        } while (!last.isDone());
        assertEquals(WatchOutcome.Kind.COMPLETED, last.outcome().kind());
        assertEquals(List.of(Anomaly.Kind.REPEATED_ENTRIES), rec.anomalyKinds());
        assertTrue(rec.anomalies.get(0).message(), rec.anomalies.get(0).message().startsWith(
                "the page from 10 starts with 5 entries identical to the 5 before it; kept"));
        List<String> served = new ArrayList<>(expected(0, 10));
        served.addAll(expected(5, 20));
        assertEquals("every entry the server returned, none dropped", served, rec.raws);
    }

    @Test
    public void twoIdenticalEntriesAreBothKeptAndTheRunCompletes() throws Exception {
        // issue 6 #5: the old watcher dropped the second, ended INCOMPLETE, and its cursor lagged by one
        String same = entry(RUN, 3);
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            logs.append(i == 0 ? "" : ",").append(i == 4 || i == 100 ? (i == 100 ? entry(RUN, 99) : same) : entry(RUN, i));
        }
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\":[\"sim-token\"],\"runs\":[{\"id\":" + RUN
                + ",\"organization_id\":" + ORG + ",\"status\":\"COMPLETE\",\"logs\":[" + logs + "]}]}"));
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOutcome outcome = watcher(rec, quick()).run();
        assertEquals(outcome.message(), WatchOutcome.Kind.COMPLETED, outcome.kind());
        assertEquals(150, rec.raws.size());
        assertEquals(rec.raws.get(3), rec.raws.get(4));
        assertEquals(150, outcome.snapshot().skip());
        assertEquals("only the page that starts with a repeat is reported", List.of(Anomaly.Kind.REPEATED_ENTRIES), rec.anomalyKinds());
        assertEquals(100, rec.anomalies.get(0).skip());
    }

    @Test
    public void nullLogsIsAnEmptyPage() throws Exception {
        start("COMPLETE", 15, 15);
        sim.inject(Fault.nullLogs());
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOutcome outcome = watcher(rec, quick()).run();
        assertEquals(WatchOutcome.Kind.COMPLETED, outcome.kind());
        assertTrue(rec.anomalyKinds().contains(Anomaly.Kind.NULL_LOGS));
        assertExactlyOnceInOrder(rec, 15);
    }

    @Test
    public void overallTimeoutEndsAStuckRunAndKeepsWhatCame() throws Exception {
        start("RUNNING", 4, 4);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOptions options = WatchOptions.builder().pollInterval(Duration.ofMillis(20)).timeout(Duration.ofMillis(300)).build();
        WatchOutcome outcome = watcher(rec, options).run();
        assertEquals(WatchOutcome.Kind.TIMED_OUT, outcome.kind());
        assertTrue(outcome.message(), outcome.message().contains("status RUNNING, 4 log entries fetched"));
        assertExactlyOnceInOrder(rec, 4);
    }

    @Test
    public void cancelStopsPromptlyDuringAPollWait() throws Exception {
        start("RUNNING", 3, 3);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        RunWatcher w = watcher(rec, WatchOptions.builder().pollInterval(Duration.ofMinutes(5)).build());
        CompletableFuture<WatchOutcome> outcome = CompletableFuture.supplyAsync(w::run);
        assertTrue(sim.requests().awaitCount(1, Duration.ofSeconds(5)));
        w.cancel();
        assertEquals(WatchOutcome.Kind.CANCELLED, outcome.get(2, TimeUnit.SECONDS).kind());
    }

    @Test
    public void resumesFromASerializedSnapshotWithoutRefetchingOrRepeating() throws Exception {
        SimulatedRun run = start("RUNNING", 260, 150);
        SimulatorFixtures.Recording before = new SimulatorFixtures.Recording();
        RunWatcher w = watcher(before, quick());
        w.poll();
        w.poll();
        WatchSnapshot persisted = SimulatorFixtures.serializedAndBack(w.snapshot());
        assertEquals(150, persisted.skip());

        run.setVisibleLogs(260);
        run.setStatus("COMPLETE");
        SimulatorFixtures.Recording after = new SimulatorFixtures.Recording();
        WatchOutcome outcome = RunWatcher.create(client(sim), quick(), persisted, after).run();
        assertEquals(WatchOutcome.Kind.COMPLETED, outcome.kind());
        List<String> all = new ArrayList<>(before.raws);
        all.addAll(after.raws);
        assertEquals(expected(0, 260), all);
        assertEquals(150L, (long) after.indexes.get(0));
        assertEquals("150", sim.requests().logsCalls().get(2).query().get("skip"));
        assertEquals("requests are counted across the restart", 4, outcome.snapshot().stats().requests());
    }

    @Test
    public void findsTheAlphaPathWhenTheDocumentedOneDoesNotExist() throws Exception {
        String json = scenario(RUN, "COMPLETE", 3).replace("{\"tokens\"", "{\"paths\":\"alpha\",\"tokens\"");
        sim = CodegenSimulator.start(Scenario.fromJson(json));
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        assertEquals(WatchOutcome.Kind.COMPLETED, watcher(rec, quick()).run().kind());
        List<RecordedCall> calls = sim.requests().all();
        assertEquals(404, calls.get(0).status());
        assertTrue(calls.get(1).path().startsWith("/v1/alpha/"));
        assertExactlyOnceInOrder(rec, 3);
    }

    @Test
    public void apiErrorsEndTheWatchWithTheirMessage() throws Exception {
        start("RUNNING", 3, 3);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOutcome outcome = RunWatcher.create(client(sim), quick(), WatchSnapshot.start(ORG, 999, System.currentTimeMillis()), rec).run();
        assertEquals(WatchOutcome.Kind.API_ERROR, outcome.kind());
        assertTrue(outcome.message(), outcome.message().contains("Agent run not found"));
    }

    @Test
    public void timeoutsAndPollIntervalsBeyondWhatMillisecondsOrNanosecondsHoldDoNotOverflow() throws Exception {
        start("RUNNING", 3, 3);
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        Duration thousandYears = Duration.ofDays(365L * 1000);
        RunWatcher w = watcher(rec, WatchOptions.builder().timeout(Duration.ofSeconds(Long.MAX_VALUE)).pollInterval(thousandYears).build());
        PollResult first = w.poll();
        assertFalse(first.isDone());
        assertEquals("no deadline comes before it", thousandYears, first.nextDelay());
        assertExactlyOnceInOrder(rec, 3);
        CompletableFuture<WatchOutcome> outcome = CompletableFuture.supplyAsync(w::run);
        assertTrue(sim.requests().awaitCount(2, Duration.ofSeconds(5)));
        w.cancel();
        assertEquals(WatchOutcome.Kind.CANCELLED, outcome.get(5, TimeUnit.SECONDS).kind());
    }
}
