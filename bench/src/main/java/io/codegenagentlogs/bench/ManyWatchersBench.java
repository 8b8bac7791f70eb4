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
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchScheduler;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Target 3: hundreds of watchers in one JVM on one token, with Codegen's limit scaled 60 times down
 * (60 requests per second; the poll interval 10 s becomes 167 ms). Each run works for a random time
 * between 5 and 30 s, half of its 150 entries visible half-way, all of them and COMPLETE at its end.
 * Our watchers run on one {@link WatchScheduler} of 8 threads; the naive clients, one thread each.
 */
final class ManyWatchersBench {
    static final long ORG = 67890;
    static final int ENTRIES = 150;
    static final Duration POLL = Duration.ofMillis(10_000 / 60);
    static final double LIMIT_PER_SECOND = 60;

    private ManyWatchersBench() {
    }

    /** One watcher's run: when it ended, and when its verdict came. */
    private static final class Watch {
        final long run;
        long endedAt;
        long verdictAt;
        int activeAtEnd;

        Watch(long run) {
            this.run = run;
        }
    }

    record Outcome(int watchers, int threads, long requests, long rateLimited, double utilization, double seconds,
            Stats waits, Stats fairShareRatio, int incomplete) {
    }

    static String run(int repetitions, int watchers, int naiveClients) throws Exception {
        Table t = new Table("client", "watchers", "threads", "requests", "429s", "limit used while busy",
                "wait from run end to verdict, p50 / p90 / max (s)", "worst wait / fair share", "wall time (s)");
        for (int i = 0; i < repetitions; i++) {
            Outcome o = once(watchers, false);
            t.row("ours", o.watchers, o.threads, o.requests, o.rateLimited, pct(o.utilization),
                    String.format(Locale.ROOT, "%.2f / %.2f / %.2f", o.waits.median(), o.waits.percentile(90), o.waits.max()),
                    String.format(Locale.ROOT, "%.2f", o.fairShareRatio.max()), String.format(Locale.ROOT, "%.1f", o.seconds));
        }
        for (int i = 0; i < repetitions; i++) {
            Outcome o = once(naiveClients, true);
            t.row("naive", o.watchers, o.threads, o.requests, o.rateLimited, pct(o.utilization),
                    String.format(Locale.ROOT, "%.2f / %.2f / %.2f", o.waits.median(), o.waits.percentile(90), o.waits.max()),
                    String.format(Locale.ROOT, "%.2f", o.fairShareRatio.max()), String.format(Locale.ROOT, "%.1f", o.seconds));
        }
        return "Each run works 5 to 30 s (random), 150 entries; limit 60 requests/s shared by all watchers of the token "
                + "(the server enforces it too), poll interval " + POLL.toMillis() + " ms. Fair share of a watcher: the time "
                + "the limit needs to serve one request for every watcher still active when its run ended. One row per "
                + "repetition.\n\n" + t;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }

    static Outcome once(int count, boolean naive) throws Exception {
        String token = "many-" + System.nanoTime();
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            runs.append(i == 0 ? "" : ",").append("{\"id\":").append(10_000 + i).append(",\"organization_id\":").append(ORG)
                    .append(",\"status\":\"RUNNING\",\"generate\":{\"count\":").append(ENTRIES).append(",\"seed\":").append(i).append("}}");
        }
        String json = "{\"tokens\":[\"" + token + "\"],\"rate_limit\":{\"requests\":60,\"per_seconds\":1,\"retry_after\":\"seconds\"},"
                + "\"runs\":[" + runs + "]}";
        SplittableRandom random = new SplittableRandom(42);
        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
        WatchScheduler scheduler = WatchScheduler.create(WatchScheduler.MAX_THREADS, "bench-watch");
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(json))) {
            List<Watch> watches = new ArrayList<>();
            List<CompletableFuture<WatchOutcome>> ends = new ArrayList<>();
            RateLimiter limiter = new RateLimiter(new RateLimit(60, Duration.ofSeconds(1)), TimeSource.SYSTEM);
            Path root = Files.createTempDirectory("bench-many");
            List<NaiveClient> naives = new ArrayList<>();
            long start = System.nanoTime();
            int[] active = {count};
            for (int i = 0; i < count; i++) {
                long id = 10_000 + i;
                Watch w = new Watch(id);
                watches.add(w);
                SimulatedRun run = sim.run(id);
                run.setVisibleLogs(0);
                long length = TimeUnit.MILLISECONDS.toNanos(5_000 + random.nextInt(25_000));
                driver.schedule(() -> run.setVisibleLogs(ENTRIES / 2), length / 2, TimeUnit.NANOSECONDS);
                driver.schedule(() -> {
                    synchronized (watches) {
                        w.endedAt = System.nanoTime();
                        w.activeAtEnd = active[0];
                    }
                    run.setVisibleLogs(ENTRIES);
                    run.setStatus("COMPLETE");
                }, length, TimeUnit.NANOSECONDS);
                CompletableFuture<WatchOutcome> end = new CompletableFuture<>();
                ends.add(end);
                if (naive) {
                    NaiveClient client = new NaiveClient(sim.baseUrl(), token, POLL);
                    naives.add(client);
                    Thread thread = new Thread(() -> {
                        try {
                            client.follow(ORG, id);
                            done(w, watches, active);
                            end.complete(null);
                        } catch (Exception e) {
                            end.completeExceptionally(e);
                        }
                    }, "naive-" + id);
                    thread.setDaemon(true);
                    thread.start();
                } else {
                    CodegenApiClient client = CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(token))
                            .rateLimiter(limiter).build();
                    GateRequest request = GateRequest.builder().orgId(ORG).runId(id)
                            .options(WatchOptions.builder().pollInterval(POLL).timeout(Duration.ofMinutes(10)).build()).build();
                    GateSession session = GateSession.open(request, client, root.resolve(Long.toString(id)), null, new LogListener() { });
                    scheduler.submit(session, new WatchScheduler.Completion() {
                        @Override
                        public void done(PollResult result) {
                            ManyWatchersBench.done(w, watches, active);
                            try (session) {
                                session.finish(result.outcome());
                                end.complete(result.outcome());
                            } catch (Exception e) {
                                end.completeExceptionally(e);
                            }
                        }

                        @Override
                        public void failed(Throwable error) {
                            end.completeExceptionally(error);
                        }
                    });
                }
            }
            int incomplete = 0;
            for (CompletableFuture<WatchOutcome> end : ends) {
                WatchOutcome o = end.get(10, TimeUnit.MINUTES);
                if (o != null && o.kind() != WatchOutcome.Kind.COMPLETED) {
                    incomplete++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<RecordedCall> calls = sim.requests().all();
            long first = calls.stream().mapToLong(RecordedCall::startNanos).min().orElse(start);
            long last = calls.stream().mapToLong(RecordedCall::startNanos).max().orElse(start);
            // busy: from the first request to the last verdict's request
            double busySeconds = Math.max(1e-9, (last - first) / 1e9);
            long served = calls.stream().filter(c -> c.status() != 429).count();
            double utilization = (served - 1) / (busySeconds * LIMIT_PER_SECOND);
            Stats wait = new Stats();
            Stats ratio = new Stats();
            double spacing = 1 / LIMIT_PER_SECOND;
            for (Watch w : watches) {
                double seconds2 = (w.verdictAt - w.endedAt) / 1e9;
                wait.add(seconds2);
                ratio.add(seconds2 / Math.max(spacing, w.activeAtEnd * spacing));
            }
            long limited = calls.stream().filter(c -> c.status() == 429).count();
            int threads = naive ? count : scheduler.threadsStarted();
            return new Outcome(count, threads, calls.size(), limited, utilization, seconds, wait, ratio, incomplete);
        } finally {
            scheduler.close();
            driver.shutdownNow();
        }
    }

    private static void done(Watch w, List<Watch> watches, int[] active) {
        synchronized (watches) {
            w.verdictAt = System.nanoTime();
            active[0]--;
        }
    }
}
