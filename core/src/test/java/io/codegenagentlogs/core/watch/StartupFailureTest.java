package io.codegenagentlogs.core.watch;

import static io.codegenagentlogs.core.watch.SimulatorFixtures.ORG;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.ApiErrorKind;
import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.api.TimeSource;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Fault;
import io.codegenagentlogs.simulator.Outage;
import io.codegenagentlogs.simulator.Scenario;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.After;
import org.junit.Test;

/**
 * Before the API has answered once, what shows a wrong configuration ends the watch at once, each
 * with its own sentence and fix; what may pass (5xx, 429) is still waited for.
 */
public class StartupFailureTest {
    private static final long RUN = 31;
    private CodegenSimulator sim;

    @After
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private static CodegenApiClient client(String baseUrl, String token) {
        return CodegenApiClient.builder().baseUrl(baseUrl).token(ApiToken.of(token))
                .rateLimiter(new RateLimiter(new RateLimit(1000, Duration.ofSeconds(1)), TimeSource.SYSTEM))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
    }

    private static WatchOutcome watch(CodegenApiClient client, long org, WatchOptions options) {
        return RunWatcher.create(client, options, WatchSnapshot.start(org, RUN, System.currentTimeMillis()),
                new SimulatorFixtures.Recording()).run();
    }

    private static WatchOptions twentySeconds() {
        return SimulatorFixtures.quickBuilder().timeout(Duration.ofSeconds(20)).build();
    }

    private static void assertFailsAtOnce(WatchOutcome o, ApiErrorKind kind, String sentence, long startedNanos) {
        assertEquals(o.message(), WatchOutcome.Kind.API_ERROR, o.kind());
        assertEquals(kind, o.error().kind());
        assertTrue(o.message(), o.message().startsWith(sentence));
        assertFalse(o.message(), o.message().contains("\n"));
        assertEquals("one request, no retry", 1, o.snapshot().stats().requests());
        assertTrue("in seconds, not at the timeout", System.nanoTime() - startedNanos < 10_000_000_000L);
    }

    @Test
    public void anUnknownHostIsNamedAtOnceNotReportedAsATimeout() {
        // issue 6 #7: with --timeout 20s this was TIMED_OUT, with the wrong elapsed time
        long t = System.nanoTime();
        WatchOutcome o = watch(client("https://codegen-agent-logs-test.invalid", "t0k"), ORG, twentySeconds());
        assertFailsAtOnce(o, ApiErrorKind.UNKNOWN_HOST, "The host codegen-agent-logs-test.invalid of the base URL could not be resolved", t);
    }

    @Test
    public void aRefusedConnectionIsNamedAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t = System.nanoTime();
        WatchOutcome o = watch(client("http://127.0.0.1:" + port, "t0k"), ORG, twentySeconds());
        assertFailsAtOnce(o, ApiErrorKind.CONNECTION_FAILED, "Nothing accepts connections at 127.0.0.1:" + port, t);
    }

    @Test
    public void aWrongTokenIsAboutTheTokenAndAnotherOrganizationAboutMembership() throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(RUN, "COMPLETE", 3)));
        long t = System.nanoTime();
        WatchOutcome wrongToken = watch(client(sim.baseUrl(), "not-the-token"), ORG, twentySeconds());
        assertFailsAtOnce(wrongToken, ApiErrorKind.UNAUTHORIZED, "The Codegen API did not accept the token (HTTP 401): "
                + "Invalid or missing API token. To fix: check the token", t);
        assertFalse(wrongToken.message(), wrongToken.message().contains("member"));
        WatchOutcome otherOrg = watch(client(sim.baseUrl(), "sim-token"), ORG + 1, twentySeconds());
        assertFailsAtOnce(otherOrg, ApiErrorKind.FORBIDDEN, "The token has no access to organization " + (ORG + 1) + " (HTTP 403): "
                + "You do not have access to this organization. To fix: check the organization id; the token's user must be a member", t);
    }

    @Test
    public void anUnknownRunIsNamedAtOnce() throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(RUN + 1, "COMPLETE", 3)));
        long t = System.nanoTime();
        assertFailsAtOnce(watch(client(sim.baseUrl(), "sim-token"), ORG, twentySeconds()), ApiErrorKind.RUN_NOT_FOUND,
                "Agent run " + RUN + " not found in organization " + ORG, t);
    }

    @Test
    public void anAnswerThatMayPassIsWaitedForEvenBeforeTheFirstPage() throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(RUN, "COMPLETE", 3)));
        sim.inject(Fault.rateLimited("0"));
        sim.inject(Fault.status(503));
        sim.startOutage(Outage.resets(Duration.ofMillis(300)));
        SimulatorFixtures.Recording rec = new SimulatorFixtures.Recording();
        WatchOutcome o = RunWatcher.create(client(sim.baseUrl(), "sim-token"), twentySeconds(),
                WatchSnapshot.start(ORG, RUN, System.currentTimeMillis()), rec).run();
        assertEquals(o.message(), WatchOutcome.Kind.COMPLETED, o.kind());
        assertEquals(3, rec.raws.size());
        assertTrue(rec.retries.toString(), rec.retries.stream().anyMatch(r -> r.startsWith("API not answering")));
    }
}
