package io.codegenagentlogs.core.session;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.SimulatorFixtures;
import io.codegenagentlogs.core.watch.WatchOptions;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GateSessionTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static GateRequest request(long runId) {
        return GateRequest.builder().orgId(SimulatorFixtures.ORG).runId(runId)
                .options(WatchOptions.builder().pollInterval(Duration.ofMillis(20)).build()).build();
    }

    @Test
    public void gatesTheRealisticRunAndWritesEveryReportFile() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled("realistic"))) {
            Path dir = tmp.newFolder("report").toPath();
            GateResult result;
            try (GateSession s = GateSession.open(request(12345), SimulatorFixtures.client(sim), dir, null, new LogListener() { })) {
                result = s.runToEnd();
            }
            assertEquals(Verdict.FAILED, result.decision().verdict());
            for (String f : List.of(ReportFiles.SUMMARY_JSON, ReportFiles.SUMMARY_MD, ReportFiles.REPORT_HTML, ReportFiles.REPORT_CSS,
                    ReportFiles.JUNIT_XML, ReportFiles.LOGS_NDJSON)) {
                assertTrue(f, Files.size(dir.resolve(f)) > 0);
            }
            long lines = Files.readAllLines(dir.resolve(ReportFiles.LOGS_NDJSON)).size();
            assertEquals(result.report().logsFetched(), lines);
            JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.SUMMARY_JSON))).getAsJsonObject();
            assertEquals("FAILED", json.get("verdict").getAsString());
            Map<String, Object> map = result.toMap();
            assertEquals("FAILED", map.get("verdict"));
            assertEquals(lines, map.get("logsFetched"));
            assertTrue(((Map<?, ?>) map.get("counts")).containsKey("ERROR"));
        }
    }

    @Test
    public void resumingCutsTheNdjsonBackToTheCursorAndRebuildsTheSummary() throws Exception {
        String scenario = SimulatorFixtures.scenario(88, "RUNNING", 40).replace("\"ACTION\"", "\"ERROR\"");
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(scenario))) {
            SimulatedRun run = sim.run(88);
            run.setVisibleLogs(25);
            Path dir = tmp.newFolder("resume").toPath();
            WatchSnapshot persisted = firstSession(sim, 88, dir, 1);
            // a crash after the snapshot was saved but while a line past it was being written
            Files.writeString(dir.resolve(ReportFiles.LOGS_NDJSON), SimulatorFixtures.entry(88, 25) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            run.setVisibleLogs(40);
            run.setStatus("COMPLETE");
            GateResult result;
            try (GateSession second = GateSession.open(request(88), SimulatorFixtures.client(sim), dir, persisted, new LogListener() { })) {
                result = second.runToEnd();
            }
            List<String> lines = Files.readAllLines(dir.resolve(ReportFiles.LOGS_NDJSON));
            assertEquals(40, lines.size());
            for (int i = 0; i < 40; i++) {
                assertEquals(SimulatorFixtures.entry(88, i).replace("\"ACTION\"", "\"ERROR\""), lines.get(i));
            }
            assertEquals("failing entries before the restart count too", 36, result.decision().failingEntries());
            assertEquals(40, result.report().summary().entriesSeen());
        }
    }

    @Test
    public void policyFromTheRequestDecides() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled("realistic"))) {
            GateRequest lenient = GateRequest.builder().orgId(67890).runId(12345)
                    .policy(GatePolicy.builder().failOn(List.of()).failOnRunStatus(false).build())
                    .options(WatchOptions.builder().pollInterval(Duration.ofMillis(20)).build()).build();
            try (GateSession s = GateSession.open(lenient, SimulatorFixtures.client(sim), tmp.newFolder().toPath(), null, new LogListener() { })) {
                assertEquals(Verdict.PASSED, s.runToEnd().decision().verdict());
            }
        }
    }

    @Test
    public void aPageRepeatingEntriesDeliveredBeforeARestartIsReportedAsItWouldBeWithoutTheRestart() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(87, "RUNNING", 20)))) {
            SimulatedRun run = sim.run(87);
            run.setVisibleLogs(10);
            Path dir = tmp.newFolder("repeat-after-resume").toPath();
            WatchSnapshot persisted = firstSession(sim, 87, dir, 1);
            assertEquals(10, persisted.skip());
            run.setVisibleLogs(20);
            run.setStatus("COMPLETE");
            // the first page after the restart starts 5 entries early: those were delivered before the restart, and
            // the fingerprints seeded from logs.ndjson recognize them; kept, since the cursor follows the server
            sim.inject(io.codegenagentlogs.simulator.Fault.repeatEntries(5));
            GateResult result;
            try (GateSession second = GateSession.open(request(87), SimulatorFixtures.client(sim), dir, persisted, new LogListener() { })) {
                result = second.runToEnd();
            }
            List<String> lines = Files.readAllLines(dir.resolve(ReportFiles.LOGS_NDJSON));
            assertEquals(25, lines.size());
            for (int i = 0; i < 25; i++) {
                assertEquals(SimulatorFixtures.entry(87, i < 10 ? i : i - 5), lines.get(i));
            }
            assertEquals(25, result.report().logsFetched());
            assertEquals(25, result.report().summary().entriesSeen());
            assertEquals(Anomaly.Kind.REPEATED_ENTRIES,
                    result.report().anomalies().get(0).kind());
        }
    }

    @Test
    public void anomaliesSeenBeforeARestartStayInTheReport() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(SimulatorFixtures.scenario(86, "RUNNING", 12)))) {
            SimulatedRun run = sim.run(86);
            run.setVisibleLogs(6);
            Path dir = tmp.newFolder("anomaly-after-resume").toPath();
            sim.inject(io.codegenagentlogs.simulator.Fault.nullLogs());
            WatchSnapshot persisted = firstSession(sim, 86, dir, 2);
            assertEquals(6, persisted.skip());
            run.setVisibleLogs(12);
            run.setStatus("COMPLETE");
            GateResult result;
            try (GateSession second = GateSession.open(request(86), SimulatorFixtures.client(sim), dir, persisted, new LogListener() { })) {
                result = second.runToEnd();
            }
            assertEquals(12, result.report().logsFetched());
            // "logs": null while entries are missing is also an empty page: two anomalies, both before the restart
            assertEquals(2, result.report().anomalyTotal());
            assertEquals(List.of(Anomaly.Kind.NULL_LOGS, Anomaly.Kind.EMPTY_PAGE),
                    result.report().anomalies().stream().map(Anomaly::kind).toList());
            JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.SUMMARY_JSON))).getAsJsonObject();
            assertTrue(json.toString(), json.toString().contains("NULL_LOGS"));
        }
    }

    /** A session that polls {@code polls} times, none of them the last, then "dies": its snapshot, as persisted and read back. */
    private static WatchSnapshot firstSession(CodegenSimulator sim, long runId, Path dir, int polls) throws Exception {
        try (GateSession first = GateSession.open(request(runId), SimulatorFixtures.client(sim), dir, null, new LogListener() { })) {
            for (int i = 0; i < polls; i++) {
                assertFalse(first.poll().isDone());
            }
            return SimulatorFixtures.serializedAndBack(first.snapshot());
        }
    }
}
