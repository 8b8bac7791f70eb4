package io.codegenagentlogs.bench;

import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.api.TimeSource;
import io.codegenagentlogs.core.session.GateRequest;
import io.codegenagentlogs.core.session.GateResult;
import io.codegenagentlogs.core.session.GateSession;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.WatchOptions;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Targets 1 and 2: requests, and the time from the run's end to the verdict, for our client and for
 * the naive one, against the simulator with Codegen's limit scaled 60 times down (60 requests per
 * second) and the poll interval scaled the same way (10 s becomes 167 ms). The run's entries appear
 * over 12 s, then it completes.
 */
final class LatencyBench {
    static final long ORG = 67890;
    static final long RUN = 777;
    static final Duration RUN_LENGTH = Duration.ofSeconds(12);
    static final Duration POLL = Duration.ofMillis(10_000 / 60);

    private LatencyBench() {
    }

    /** What one client cost. */
    record Result(long requestsTotal, long requestsAfterEnd, double secondsToVerdict, long entries, long rateLimited) {
    }

    static String run(int repetitions) throws Exception {
        StringBuilder out = new StringBuilder();
        Table t = new Table("entries", "client", "requests in all", "requests after the run ended", "seconds from end to verdict",
                "429s", "ratio naive/ours: requests after end", "ratio naive/ours: time to verdict");
        // one untimed round of each, so that class loading and the JIT's first compiles are not measured
        once(1_000, false);
        once(1_000, true);
        for (int n : new int[] {1_000, 10_000, 50_000}) {
            Stats oursAfter = new Stats();
            Stats oursTime = new Stats();
            Stats oursTotal = new Stats();
            Stats ours429 = new Stats();
            Stats naiveAfter = new Stats();
            Stats naiveTime = new Stats();
            Stats naiveTotal = new Stats();
            Stats naive429 = new Stats();
            for (int i = 0; i < repetitions; i++) {
                Result o = once(n, false);
                Result v = once(n, true);
                if (o.entries != n || v.entries != n) {
                    throw new IllegalStateException("entries: ours " + o.entries + ", naive " + v.entries + ", expected " + n);
                }
                oursAfter.add(o.requestsAfterEnd);
                oursTime.add(o.secondsToVerdict);
                oursTotal.add(o.requestsTotal);
                ours429.add(o.rateLimited);
                naiveAfter.add(v.requestsAfterEnd);
                naiveTime.add(v.secondsToVerdict);
                naiveTotal.add(v.requestsTotal);
                naive429.add(v.rateLimited);
            }
            t.row(n, "ours", oursTotal.summary("%.0f"), oursAfter.summary("%.0f"), oursTime.summary("%.3f"), ours429.summary("%.0f"), "", "");
            t.row(n, "naive", naiveTotal.summary("%.0f"), naiveAfter.summary("%.0f"), naiveTime.summary("%.3f"), naive429.summary("%.0f"),
                    String.format(Locale.ROOT, "%.0f x", naiveAfter.median() / oursAfter.median()),
                    String.format(Locale.ROOT, "%.0f x", naiveTime.median() / oursTime.median()));
        }
        out.append("Entries appear over ").append(RUN_LENGTH.toSeconds()).append(" s, then the run completes; limit 60 requests/s ")
                .append("(Codegen's, 60x faster), poll interval ").append(POLL.toMillis()).append(" ms; ").append(repetitions)
                .append(" repetitions, median (min .. max).\n\n").append(t);
        return out.toString();
    }

    static Result once(int n, boolean naive) throws Exception {
        String token = "bench-" + System.nanoTime();
        String json = "{\"tokens\":[\"" + token + "\"],\"rate_limit\":{\"requests\":60,\"per_seconds\":1,\"retry_after\":\"seconds\"},"
                + "\"runs\":[{\"id\":" + RUN + ",\"organization_id\":" + ORG + ",\"status\":\"RUNNING\",\"generate\":{\"count\":" + n
                + ",\"seed\":5}}]}";
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(json))) {
            SimulatedRun run = sim.run(RUN);
            run.setVisibleLogs(0);
            CompletableFuture<Long> entries;
            Path dir = Files.createTempDirectory("bench-latency");
            NaiveClient naiveClient = new NaiveClient(sim.baseUrl(), token, POLL);
            if (naive) {
                entries = CompletableFuture.supplyAsync(() -> {
                    try {
                        return naiveClient.follow(ORG, RUN);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } else {
                CodegenApiClient client = CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(token))
                        .rateLimiter(new RateLimiter(new RateLimit(60, Duration.ofSeconds(1)), TimeSource.SYSTEM)).build();
                GateRequest request = GateRequest.builder().orgId(ORG).runId(RUN)
                        .options(WatchOptions.builder().pollInterval(POLL).timeout(Duration.ofMinutes(10)).build()).build();
                GateSession session = GateSession.open(request, client, dir, null, new LogListener() { });
                entries = CompletableFuture.supplyAsync(() -> {
                    try (session) {
                        GateResult r = session.runToEnd();
                        return r.report().logsFetched();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            // the run works: its entries appear steadily, then it completes
            long start = System.nanoTime();
            long length = RUN_LENGTH.toNanos();
            while (true) {
                long elapsed = System.nanoTime() - start;
                if (elapsed >= length) {
                    break;
                }
                run.setVisibleLogs((int) (n * elapsed / length));
                Thread.sleep(50);
            }
            run.setVisibleLogs(n);
            run.setStatus("COMPLETE");
            long end = System.nanoTime();
            long got = entries.get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - end) / 1e9;
            long after = sim.requests().all().stream().filter(c -> c.startNanos() >= end).count();
            long total = sim.requests().count();
            long limited = sim.requests().all().stream().filter(c -> c.status() == 429).count();
            return new Result(total, after, seconds, got, limited);
        }
    }
}
