package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/** Timed outages: every request fails the same way until the simulator's clock passes the end. */
public class OutageTest {
    private static final String LOGS = logsPath(10, 7);
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2025-01-01T00:00:00Z"));
    private CodegenSimulator sim;

    @After
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(String extra) throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basicWith(extra), 0, clock);
    }

    @Test
    public void statusOutageFailsEveryRequestUntilItEndsAndTakesNoRateLimitToken() throws Exception {
        start("\"rate_limit\": {\"requests\": 2, \"per_seconds\": 60},");
        sim.startOutage(Outage.status(503, Duration.ofSeconds(30)));
        for (int i = 0; i < 5; i++) {
            HttpResponse503.check(get(sim, LOGS));
        }
        assertEquals(503, get(sim, "/v1/organizations/10/agent/run/7").statusCode());
        assertEquals("also before the token is looked at", 503, get(sim, LOGS, null).statusCode());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, get(sim, LOGS).statusCode());
        assertEquals("the outage took no token of the 2", 200, get(sim, LOGS).statusCode());
        List<String> faults = sim.requests().all().stream().map(RecordedCall::fault).toList();
        assertEquals("outage:status", faults.get(0));
        assertEquals(null, faults.get(faults.size() - 1));
    }

    @Test
    public void resetOutageClosesConnectionsAndTruncatedOutageCutsBodies() throws Exception {
        start("");
        sim.startOutage(Outage.resets(Duration.ofSeconds(5)));
        assertThrows(IOException.class, () -> get(sim, LOGS));
        clock.advance(Duration.ofSeconds(5));
        sim.startOutage(Outage.truncated(Duration.ofSeconds(5)));
        assertThrows(IOException.class, () -> get(sim, LOGS));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(200, get(sim, LOGS).statusCode());
        assertTrue(sim.requests().all().stream().anyMatch(c -> "outage:drop".equals(c.fault()) && c.status() == 0));
        assertTrue(sim.requests().all().stream().anyMatch(c -> "outage:truncated".equals(c.fault())));
    }

    @Test
    public void anOutageDoesNotMoveRunsForward() throws Exception {
        start("");
        SimulatedRun run = sim.run(7);
        sim.startOutage(Outage.status(502, Duration.ofSeconds(1)));
        get(sim, LOGS);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(250, TestHttp.json(get(sim, LOGS)).get("total_logs").getAsInt());
        assertEquals(250, run.visibleLogs());
    }

    @Test
    public void outagesRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Outage.status(404, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Outage.resets(Duration.ZERO));
    }

    /** A 503 with Codegen's error body. */
    private static final class HttpResponse503 {
        static void check(java.net.http.HttpResponse<String> r) {
            assertEquals(503, r.statusCode());
            assertEquals("{\"message\":\"Service Unavailable\",\"status_code\":503}", r.body());
        }
    }
}
