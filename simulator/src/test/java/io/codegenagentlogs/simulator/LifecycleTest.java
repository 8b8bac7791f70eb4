package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

public class LifecycleTest {
    /** Threads the simulator or the JDK server behind it start. */
    private static Set<Thread> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("codegen-simulator-") || t.getName().startsWith("HTTP-Dispatcher"))
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    @Test
    public void closeStopsPromptlyAndLeavesNoThreads() throws Exception {
        Set<Thread> before = serverThreads();
        CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get(sim, logsPath(10, 7)).statusCode());
        }
        long start = System.nanoTime();
        sim.close();
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        Set<Thread> left = serverThreads();
        left.removeAll(before);
        assertTrue("still running: " + left, left.isEmpty());
        assertThrows(IOException.class, () -> get(sim, logsPath(10, 7)));
        sim.close(); // a second close is harmless
    }

    @Test
    public void startsOnAGivenPortAndReleasesIt() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic(), port)) {
            assertEquals(port, sim.port());
            assertEquals("http://127.0.0.1:" + port, sim.baseUrl());
            assertThrows(IOException.class, () -> CodegenSimulator.start(TestScenarios.basic(), port));
        }
        try (CodegenSimulator again = CodegenSimulator.start(TestScenarios.basic(), port)) {
            assertEquals(200, get(again, logsPath(10, 7)).statusCode());
        }
    }

    @Test
    public void manySimulatorsRunSideBySide() throws Exception {
        List<CodegenSimulator> sims = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                sims.add(CodegenSimulator.start(TestScenarios.basic()));
            }
            assertEquals(12, sims.stream().map(CodegenSimulator::port).distinct().count());
            sims.get(3).run(8).setStatus("FAILED");
            for (CodegenSimulator sim : sims) {
                String expected = sim == sims.get(3) ? "FAILED" : "RUNNING";
                assertTrue(get(sim, logsPath(11, 8)).body().contains("\"status\":\"" + expected + "\""));
            }
        } finally {
            sims.forEach(CodegenSimulator::close);
        }
    }

    @Test
    public void aSlowResponseDoesNotHoldUpOthers() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            sim.inject(Fault.slow(Duration.ofSeconds(20)));
            // ofInputStream returns once the headers are in, while the slow body is still pending.
            HttpResponse<InputStream> slow = TestHttp.CLIENT.send(
                    TestHttp.request(sim, logsPath(10, 7), "Bearer " + TestHttp.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, slow.statusCode());
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(sim, logsPath(10, 7)).statusCode());
            }
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            assertTrue(sim.requests().awaitCount(3, Duration.ofSeconds(10)));
            assertEquals("only the three fast ones are done", 3, sim.requests().count());
            slow.body().close();
        }
    }
}
