package io.codegenagentlogs.bench;

import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.api.TimeSource;
import io.codegenagentlogs.core.session.GateRequest;
import io.codegenagentlogs.core.session.GateSession;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.PollResult;
import io.codegenagentlogs.core.watch.WatchOptions;
import io.codegenagentlogs.core.watch.WatchScheduler;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Target 4: the heap an idle watch holds. 500 gate sessions (watcher, summary, logs.ndjson writer,
 * client) follow runs that are still working, each having fetched its first page of 50 entries; the
 * heap is measured after full collections, before they start and once they all wait.
 */
final class MemoryBench {
    static final long ORG = 67890;

    private MemoryBench() {
    }

    static String run(int repetitions, int watchers) throws Exception {
        Stats perWatcher = new Stats();
        Stats fds = new Stats();
        for (int i = 0; i < repetitions; i++) {
            long[] r = once(watchers);
            perWatcher.add(r[0]);
            fds.add(r[1] / 100.0);
        }
        Table t = new Table("idle watchers", "heap per idle watcher (bytes)", "target", "open files per idle watcher");
        t.row(watchers, perWatcher.summary("%.0f"), "<= 51,200", fds.summary("%.2f"));
        return "Each watch is a whole gate session (watcher, summary, logs.ndjson writer, client) on a running run whose first "
                + "50 entries it has fetched; heap measured after full GCs; " + repetitions + " repetitions, median (min .. max).\n\n" + t;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long openFiles() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (Exception notLinux) {
            return -1;
        }
    }

    /** @return bytes per watcher, open files per watcher */
    static long[] once(int count) throws Exception {
        String token = "mem-" + System.nanoTime();
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            runs.append(i == 0 ? "" : ",").append("{\"id\":").append(20_000 + i).append(",\"organization_id\":").append(ORG)
                    .append(",\"status\":\"RUNNING\",\"generate\":{\"count\":50,\"seed\":").append(i).append("}}");
        }
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\":[\"" + token + "\"],\"runs\":[" + runs + "]}"));
                WatchScheduler scheduler = WatchScheduler.create(WatchScheduler.MAX_THREADS, "bench-memory")) {
            RateLimiter limiter = new RateLimiter(new RateLimit(100_000, Duration.ofSeconds(1)), TimeSource.SYSTEM);
            Path root = Files.createTempDirectory("bench-memory");
            // warm up every class involved, so that the measurement is of instances only
            warmUp(sim, token, limiter, root);
            long before = usedHeapAfterGc();
            long filesBefore = openFiles();
            List<GateSession> sessions = new ArrayList<>();
            CountDownLatch firstPoll = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                CodegenApiClient client = CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(token)).rateLimiter(limiter).build();
                GateRequest request = GateRequest.builder().orgId(ORG).runId(20_000 + i)
                        .options(WatchOptions.builder().pollInterval(Duration.ofMinutes(30)).timeout(Duration.ofHours(1)).build()).build();
                GateSession session = GateSession.open(request, client, root.resolve("w" + i), null, new LogListener() { });
                sessions.add(session);
                scheduler.submit(new WatchScheduler.Job() {
                    boolean polled;

                    @Override
                    public PollResult step() throws Exception {
                        PollResult r = session.poll();
                        if (!polled && r.waitReason() == PollResult.Wait.POLL) {
                            polled = true;
                            firstPoll.countDown();
                        }
                        return r;
                    }

                    @Override
                    public RateLimiter rateLimiter() {
                        return limiter;
                    }
                }, new WatchScheduler.Completion() {
                    @Override
                    public void done(PollResult result) {
                    }

                    @Override
                    public void failed(Throwable error) {
                    }
                });
            }
            if (!firstPoll.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the watchers did not all reach their first wait");
            }
            long after = usedHeapAfterGc();
            long filesAfter = openFiles();
            long perWatcher = (after - before) / count;
            long files = filesBefore < 0 ? -1 : Math.round((filesAfter - filesBefore) * 100.0 / count);
            for (GateSession s : sessions) {
                s.cancel();
                s.close();
            }
            return new long[] {perWatcher, files};
        }
    }

    private static void warmUp(CodegenSimulator sim, String token, RateLimiter limiter, Path root) throws Exception {
        CodegenApiClient client = CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(token)).rateLimiter(limiter).build();
        GateRequest request = GateRequest.builder().orgId(ORG).runId(20_000)
                .options(WatchOptions.builder().pollInterval(Duration.ofMillis(1)).timeout(Duration.ofSeconds(5)).build()).build();
        try (GateSession s = GateSession.open(request, client, root.resolve("warm"), null, new LogListener() { })) {
            s.poll();
            s.poll();
        }
        String.format(Locale.ROOT, "%d", 1);
    }
}
