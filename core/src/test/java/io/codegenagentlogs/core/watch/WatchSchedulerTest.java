package io.codegenagentlogs.core.watch;

import static io.codegenagentlogs.core.watch.SimulatorFixtures.ORG;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.api.TimeSource;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * What the benchmarks rely on, as tests: many watchers on one token run on a bounded number of
 * threads, get no 429 from a server that enforces the limit, pages go before polls, and the poll
 * interval stretches with the number of polling watchers.
 */
public class WatchSchedulerTest {
    private CodegenSimulator sim;
    private WatchScheduler scheduler;

    @After
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static String runs(int count, long firstId, String status, int entries) {
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            runs.append(i == 0 ? "" : ",").append("{\"id\":").append(firstId + i).append(",\"organization_id\":").append(ORG)
                    .append(",\"status\":\"").append(status).append("\",\"generate\":{\"count\":").append(entries)
                    .append(",\"seed\":").append(i).append("}}");
        }
        return runs.toString();
    }

    private static CodegenApiClient client(CodegenSimulator sim, RateLimiter limiter) {
        return CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of("sim-token")).rateLimiter(limiter)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    }

    private CompletableFuture<WatchOutcome> submit(RunWatcher w) {
        CompletableFuture<WatchOutcome> end = new CompletableFuture<>();
        scheduler.submit(w, new WatchScheduler.Completion() {
            @Override
            public void done(PollResult result) {
                end.complete(result.outcome());
            }

            @Override
            public void failed(Throwable error) {
                end.completeExceptionally(error);
            }
        });
        return end;
    }

    @Test
    public void manyWatchersOnOneTokenUseFewThreadsAndGetNo429() throws Exception {
        // the server allows 40 per second per token; so does the shared limiter, less its margin
        int watchers = 120;
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\":[\"sim-token\"],\"rate_limit\":{\"requests\":40,\"per_seconds\":1},"
                + "\"runs\":[" + runs(watchers, 1000, "COMPLETE", 150) + "]}"));
        RateLimiter limiter = new RateLimiter(new RateLimit(40, Duration.ofSeconds(1)), TimeSource.SYSTEM);
        scheduler = WatchScheduler.create(WatchScheduler.MAX_THREADS, "test-watch");
        List<CompletableFuture<WatchOutcome>> ends = new ArrayList<>();
        Map<String, Boolean> threads = new ConcurrentHashMap<>();
        for (int i = 0; i < watchers; i++) {
            LogListener threadNames = new LogListener() {
                @Override
                public void onEntry(long index, io.codegenagentlogs.core.api.LogEntry entry) {
                    threads.put(Thread.currentThread().getName(), true);
                }
            };
            ends.add(submit(RunWatcher.create(client(sim, limiter), SimulatorFixtures.quick(),
                    WatchSnapshot.start(ORG, 1000 + i, System.currentTimeMillis()), threadNames)));
        }
        for (CompletableFuture<WatchOutcome> end : ends) {
            WatchOutcome o = end.get(60, TimeUnit.SECONDS);
            assertEquals(o.message(), WatchOutcome.Kind.COMPLETED, o.kind());
            assertEquals(150, o.snapshot().skip());
        }
        List<RecordedCall> calls = sim.requests().logsCalls();
        assertEquals("two pages each", 2 * watchers, calls.size());
        assertEquals("no 429", 0, calls.stream().filter(c -> c.status() == 429).count());
        assertTrue("threads started: " + scheduler.threadsStarted(), scheduler.threadsStarted() <= WatchScheduler.MAX_THREADS);
        assertTrue(threads.keySet().toString(), threads.size() <= WatchScheduler.MAX_THREADS);
        assertTrue(scheduler.mostStepsAtOnce() <= WatchScheduler.MAX_THREADS - 1);
    }

    @Test
    public void pagesWaitingGoBeforeWatchersThatOnlyPoll() throws Exception {
        int pollers = 20;
        int pagers = 3;
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\":[\"sim-token\"],\"runs\":[" + runs(pollers, 2000, "RUNNING", 1)
                + "," + runs(pagers, 3000, "COMPLETE", 2000) + "]}"));
        // 20 requests per second, 2 steps at once: the limiter, not the threads, is what is shared
        RateLimiter limiter = new RateLimiter(new RateLimit(20, Duration.ofSeconds(1)), TimeSource.SYSTEM);
        scheduler = WatchScheduler.create(3, "test-watch");
        WatchOptions options = SimulatorFixtures.quickBuilder().pollInterval(Duration.ofMillis(10)).timeout(Duration.ofSeconds(60)).build();
        List<RunWatcher> idle = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
            RunWatcher w = RunWatcher.create(client(sim, limiter), options, WatchSnapshot.start(ORG, 2000 + i, System.currentTimeMillis()),
                    new LogListener() { });
            idle.add(w);
            submit(w);
        }
        // every idle watcher has asked once (a first request counts as pages): from now on they only poll
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (idle.stream().anyMatch(w -> w.snapshot().stats().requests() < 1) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        List<CompletableFuture<WatchOutcome>> ends = new ArrayList<>();
        for (int i = 0; i < pagers; i++) {
            ends.add(submit(RunWatcher.create(client(sim, limiter), options, WatchSnapshot.start(ORG, 3000 + i, System.currentTimeMillis()),
                    new LogListener() { })));
        }
        for (CompletableFuture<WatchOutcome> end : ends) {
            assertEquals(WatchOutcome.Kind.COMPLETED, end.get(60, TimeUnit.SECONDS).kind());
        }
        idle.forEach(RunWatcher::cancel);

        // while three finished runs had 60 pages waiting, polls of idle runs took (almost) no slot
        List<RecordedCall> calls = sim.requests().logsCalls();
        int first = -1;
        int last = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).path().matches(".*/run/300[0-9]/logs")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        long pages = calls.subList(first, last + 1).stream().filter(c -> c.path().matches(".*/run/300[0-9]/logs")).count();
        long polls = (last - first + 1) - pages;
        assertEquals(pagers * 20, pages);
        // a poll gets a slot only when no page is waiting (the lane lets 2 watchers hold a slot or run, so once a
        // single finished run is left, a poll may take the other); first come, first served, polls would take over
        // half of them (83 and 90 polls in two tries)
        assertTrue(polls + " polls came between " + pages + " pages", polls <= pages / 4);
    }

    @Test
    public void thePollIntervalStretchesWithTheNumberOfPollingWatchers() throws Exception {
        int pollers = 30;
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\":[\"sim-token\"],\"runs\":[" + runs(pollers, 4000, "RUNNING", 1) + "]}"));
        RateLimiter limiter = new RateLimiter(new RateLimit(100, Duration.ofSeconds(1)), TimeSource.SYSTEM);
        scheduler = WatchScheduler.create(4, "test-watch");
        // asked to poll every 10 ms: 30 watchers would want 3000 requests a second from a limit of 100
        WatchOptions eager = SimulatorFixtures.quickBuilder().pollInterval(Duration.ofMillis(10)).timeout(Duration.ofSeconds(60)).build();
        List<RunWatcher> all = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
            RunWatcher w = RunWatcher.create(client(sim, limiter), eager, WatchSnapshot.start(ORG, 4000 + i, System.currentTimeMillis()),
                    new LogListener() { });
            all.add(w);
            submit(w);
        }
        assertTrue(sim.requests().awaitCount(4 * pollers, Duration.ofSeconds(30)));
        all.forEach(RunWatcher::cancel);
        String path = "/v1/organizations/" + ORG + "/agent/run/4000/logs";
        List<RecordedCall> mine = sim.requests().logsCalls().stream().filter(c -> c.path().equals(path)).toList();
        long spacing = limiter.slotSpacingNanos();
        // from its second poll on, a watcher comes back no sooner than the limiter can serve every polling watcher once, plus a twentieth
        // (counted once they all poll; half of them is a bound no unstretched 10 ms interval comes near)
        for (int i = 2; i < mine.size(); i++) {
            long gap = mine.get(i).startNanos() - mine.get(i - 1).endNanos();
            assertTrue("gap " + gap + " ns", gap >= spacing * (pollers / 2) * 21 / 20);
        }
        assertTrue(mine.size() >= 3);
    }
}
