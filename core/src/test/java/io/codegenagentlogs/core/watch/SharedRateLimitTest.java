package io.codegenagentlogs.core.watch;

import static io.codegenagentlogs.core.watch.SimulatorFixtures.ORG;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import okhttp3.OkHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Two watchers with the same token share one limiter, as builds on one Jenkins controller do:
 * together they stay under the server's limit, so the server never answers 429.
 *
 * <p>Timing is measured where the limiter acts, on the client (an interceptor sees each request as it
 * leaves), not on the server: arrivals lag sends by varying amounts. The server allows a little more
 * than the client's limit for the same reason: it counts arrivals with a token bucket, which a window
 * of sends exactly at the limit meets with no margin at all. Two separate limiters would still send
 * twice the limit, far above it. The token is new for each run of the test, so that no shared limiter
 * of an earlier test on a reused port can stand in for this one's.
 */
public class SharedRateLimitTest {
    private static final RateLimit LIMIT = new RateLimit(4, Duration.ofSeconds(1));

    @Test
    public void twoWatchersOfOneTokenStayUnderTheServersLimitTogether() throws Exception {
        String token = "shared-" + UUID.randomUUID();
        String scenario = "{\"tokens\":[\"" + token + "\"],\"rate_limit\":{\"requests\":5,\"per_seconds\":1,\"retry_after\":\"seconds\"},"
                + "\"runs\":[" + run(501) + "," + run(502) + "]}";
        List<Long> sends = new ArrayList<>();
        OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
            synchronized (sends) {
                sends.add(System.nanoTime());
            }
            return chain.proceed(chain.request());
        }).build();
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(scenario))) {
            // warm up classes and the shared connection pool (through the shared limiter, which counts it)
            CodegenApiClient warm = client(sim, token, recording);
            warm.rateLimiter().reserve();
            warm.fetch(ORG, 501, 0, 1, new io.codegenagentlogs.core.api.CancelSignal());
            sim.requests().clear();
            synchronized (sends) {
                sends.clear();
            }
            CodegenApiClient a = client(sim, token, recording);
            CodegenApiClient b = client(sim, token, recording);
            assertSame("one limiter per token in the JVM", a.rateLimiter(), b.rateLimiter());
            WatchOptions opts = WatchOptions.builder().pollInterval(Duration.ofMillis(1)).pageSize(2).timeout(Duration.ofSeconds(30)).build();
            SimulatorFixtures.Recording recA = new SimulatorFixtures.Recording();
            SimulatorFixtures.Recording recB = new SimulatorFixtures.Recording();
            CompletableFuture<WatchOutcome> fa = CompletableFuture.supplyAsync(
                    () -> RunWatcher.create(a, opts, WatchSnapshot.start(ORG, 501, System.currentTimeMillis()), recA).run());
            CompletableFuture<WatchOutcome> fb = CompletableFuture.supplyAsync(
                    () -> RunWatcher.create(b, opts, WatchSnapshot.start(ORG, 502, System.currentTimeMillis()), recB).run());
            assertEquals(WatchOutcome.Kind.COMPLETED, fa.get(30, TimeUnit.SECONDS).kind());
            assertEquals(WatchOutcome.Kind.COMPLETED, fb.get(30, TimeUnit.SECONDS).kind());
            assertEquals(8, recA.raws.size());
            assertEquals(8, recB.raws.size());

            List<RecordedCall> calls = sim.requests().logsCalls();
            assertEquals("4 pages each (none for an empty last page), no retries", 8, calls.size());
            assertTrue("no 429", calls.stream().noneMatch(c -> c.status() == 429));
            List<Long> sent;
            synchronized (sends) {
                sent = new ArrayList<>(sends);
            }
            Collections.sort(sent);
            assertEquals(8, sent.size());
            // Between the permit and the interceptor there is only this thread's own work; 100 ms of slack
            // still tells a shared limiter (4 per second in all) from two separate ones (pairs ~0 ms apart).
            long window = TimeUnit.SECONDS.toNanos(1) - TimeUnit.MILLISECONDS.toNanos(100);
            for (int i = 4; i < sent.size(); i++) {
                assertTrue("requests " + (i - 4) + " and " + i + " were sent within one window",
                        sent.get(i) - sent.get(i - 4) >= window);
            }
        }
    }

    private static CodegenApiClient client(CodegenSimulator sim, String token, OkHttpClient http) {
        return CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(token)).rateLimit(LIMIT).httpClient(http).build();
    }

    private static String run(long id) {
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            logs.append(i == 0 ? "" : ",").append(SimulatorFixtures.entry(id, i));
        }
        return "{\"id\":" + id + ",\"organization_id\":" + ORG + ",\"status\":\"COMPLETE\",\"logs\":[" + logs + "]}";
    }
}
