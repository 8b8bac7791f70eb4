package io.codegenagentlogs.core.session;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.SimulatorFixtures;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Issue 6 #8: resume reads no further than the cursor, one gate per report directory, files open only while written. */
public class SessionDurabilityTest {
    private static final long RUN = 5150;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CodegenSimulator sim;

    @Before
    public void start() throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(RUN, "COMPLETE", 250)));
    }

    @After
    public void stop() {
        sim.close();
    }

    private static GateRequest request() {
        return GateRequest.builder().orgId(SimulatorFixtures.ORG).runId(RUN).options(SimulatorFixtures.quick()).build();
    }

    private GateSession open(Path dir, WatchSnapshot from) throws Exception {
        return GateSession.open(request(), SimulatorFixtures.client(sim), dir, from, new LogListener() { });
    }

    private static byte[] clean(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes((SimulatorFixtures.entry(RUN, i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    public void resumeReadsNoFurtherThanTheCursorSoHalfACharacterPastItIsHarmless() throws Exception {
        Path dir = tmp.newFolder().toPath();
        WatchSnapshot persisted;
        try (GateSession first = open(dir, null)) {
            assertFalse(first.poll().isDone());
            persisted = SimulatorFixtures.serializedAndBack(first.snapshot());
        }
        assertEquals(100, persisted.skip());
        // a crash after more was written but before the cursor was saved: a whole line, then half of "中"
        Files.write(dir.resolve(ReportFiles.LOGS_NDJSON), (SimulatorFixtures.entry(RUN, 100) + "\n{\"thought\":\"")
                .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.write(dir.resolve(ReportFiles.LOGS_NDJSON), new byte[] {(byte) 0xE4, (byte) 0xB8}, StandardOpenOption.APPEND);
        GateResult result;
        try (GateSession second = open(dir, persisted)) {
            result = second.runToEnd();
        }
        assertEquals(result.outcome().message(), WatchOutcome.Kind.COMPLETED, result.outcome().kind());
        assertArrayEquals(clean(250), Files.readAllBytes(dir.resolve(ReportFiles.LOGS_NDJSON)));
        assertEquals(250, result.report().summary().entriesSeen());
    }

    @Test
    public void aSecondGateInThisProcessIsRefusedAtOnceAndTheFirstOnesFilesAreUntouched() throws Exception {
        Path dir = tmp.newFolder().toPath();
        try (GateSession first = open(dir, null)) {
            assertFalse(first.poll().isDone());
            byte[] before = Files.readAllBytes(dir.resolve(ReportFiles.LOGS_NDJSON));
            int requests = sim.requests().count();
            ReportDirInUseException e = assertThrows(ReportDirInUseException.class, () -> open(dir, null));
            assertTrue(e.getMessage(), e.getMessage().contains("is being written by another gate in this process"));
            // also through another spelling of the same directory
            assertThrows(ReportDirInUseException.class, () -> open(dir.resolve("."), null));
            assertArrayEquals(before, Files.readAllBytes(dir.resolve(ReportFiles.LOGS_NDJSON)));
            assertEquals("the refused gate asked nothing", requests, sim.requests().count());
        }
        // once the first gate is closed the directory is free again
        try (GateSession again = open(dir, null)) {
            assertEquals(WatchOutcome.Kind.COMPLETED, again.runToEnd().outcome().kind());
        }
    }

    @Test
    public void aGateInAnotherProcessHoldsTheDirectoryToo() throws Exception {
        Path dir = tmp.newFolder().toPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            ReportDirInUseException e = assertThrows(ReportDirInUseException.class, () -> open(dir, null));
            assertTrue(e.getMessage(), e.getMessage().contains("another gate (another process)"));
            assertFalse(Files.exists(dir.resolve(ReportFiles.LOGS_NDJSON)));
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        try (GateSession now = open(dir, null)) {
            assertEquals(WatchOutcome.Kind.COMPLETED, now.runToEnd().outcome().kind());
        }
    }

    @Test
    public void logsNdjsonIsOpenOnlyWhileAPollWritesIt() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        org.junit.Assume.assumeTrue("needs /proc (Linux)", Files.isDirectory(fds));
        Path dir = tmp.newFolder().toPath();
        try (GateSession s = open(dir, null)) {
            Path logs = dir.toRealPath().resolve(ReportFiles.LOGS_NDJSON);
            assertFalse(s.poll().isDone());
            assertEquals(clean(100).length, Files.size(logs));
            assertFalse("no descriptor on logs.ndjson between polls", openFiles(fds).contains(logs));
        }
    }

    private static List<Path> openFiles(Path fds) throws Exception {
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(l -> {
                try {
                    return Files.readSymbolicLink(l);
                } catch (Exception gone) {
                    return new File("").toPath();
                }
            }).toList();
        }
    }
}
