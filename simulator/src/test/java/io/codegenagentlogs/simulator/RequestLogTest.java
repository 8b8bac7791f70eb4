package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class RequestLogTest {
    private static final String SECRET = "s3cr3t-token-value";
    private CodegenSimulator sim;

    @Before
    public void start() throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basicWith("\"tokens\": [\"" + SECRET + "\"],"));
    }

    @After
    public void stop() {
        sim.close();
    }

    @Test
    public void recordsEachCallWithoutEverHoldingTheToken() throws Exception {
        get(sim, logsPath(10, 7) + "?skip=5&limit=2&note=a%20b", "Bearer " + SECRET);
        get(sim, logsPath(10, 7), "Bearer not-" + SECRET);
        get(sim, "/v1/organizations/10/agent/run/7", null);
        assertTrue(sim.requests().awaitCount(3, Duration.ofSeconds(10)));

        List<RecordedCall> calls = sim.requests().all();
        assertFalse(calls.toString(), calls.toString().contains(SECRET));
        RecordedCall ok = calls.stream().filter(c -> c.status() == 200).findFirst().orElseThrow();
        assertTrue(ok.authorized());
        // printf 's3cr3t-token-value' | sha256sum
        assertEquals("47f5d7e9", ok.tokenFingerprint());
        assertEquals("GET", ok.method());
        assertEquals(logsPath(10, 7), ok.path());
        assertEquals(Map.of("skip", "5", "limit", "2", "note", "a b"), ok.query());
        assertNull(ok.fault());
        assertTrue(ok.startNanos() <= ok.endNanos());

        RecordedCall unknown = calls.stream().filter(c -> c.status() == 401 && c.tokenFingerprint() != null).findFirst().orElseThrow();
        assertFalse(unknown.authorized());
        assertEquals(8, unknown.tokenFingerprint().length());
        RecordedCall anonymous = calls.stream().filter(c -> c.status() == 401 && c.tokenFingerprint() == null).findFirst().orElseThrow();
        assertNull(anonymous.tokenFingerprint());
        assertEquals(List.of(1, 2, 3), calls.stream().map(RecordedCall::sequence).sorted().toList());
        assertEquals(2, sim.requests().logsCalls().size());
    }

    @Test
    public void awaitCountTimesOutWhenNothingArrives() throws Exception {
        long start = System.nanoTime();
        assertFalse(sim.requests().awaitCount(1, Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - start >= 100_000_000L);
        assertTrue(sim.requests().awaitCount(0, Duration.ZERO));
    }

    @Test
    public void clearForgetsCallsButSequenceNumbersCarryOn() throws Exception {
        get(sim, logsPath(10, 7), "Bearer " + SECRET);
        assertTrue(sim.requests().awaitCount(1, Duration.ofSeconds(10)));
        sim.requests().clear();
        assertEquals(0, sim.requests().count());
        get(sim, logsPath(10, 7), "Bearer " + SECRET);
        assertTrue(sim.requests().awaitCount(1, Duration.ofSeconds(10)));
        assertEquals(2, sim.requests().all().get(0).sequence());
    }

    @Test
    public void aCallIsRecordedByTheTimeItsClientHasTheResponse() throws Exception {
        for (int i = 1; i <= 40; i++) {
            get(sim, logsPath(10, 7) + "?limit=100", "Bearer " + SECRET);
            assertEquals(i, sim.requests().count());
        }
    }

    @Test
    public void callsStayInArrivalOrderWhenTheyFinishOutOfOrder() {
        RequestLog log = new RequestLog();
        log.record(new RecordedCall(2, "GET", "/b", Map.of(), true, null, 200, null, 20, 30));
        log.record(new RecordedCall(3, "GET", "/c", Map.of(), true, null, 200, null, 25, 35));
        log.record(new RecordedCall(1, "GET", "/a", Map.of(), true, null, 200, "slow", 10, 40));
        assertEquals(List.of(1, 2, 3), log.all().stream().map(RecordedCall::sequence).toList());
    }

    @Test
    public void snapshotsDoNotChangeAfterwards() throws Exception {
        List<RecordedCall> before = sim.requests().all();
        get(sim, logsPath(10, 7), "Bearer " + SECRET);
        assertTrue(sim.requests().awaitCount(1, Duration.ofSeconds(10)));
        assertEquals(0, before.size());
    }
}
