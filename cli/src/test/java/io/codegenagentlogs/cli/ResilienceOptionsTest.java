package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Issue 6's options and exits: fail-on checking, --max-outage, --fail-fast, SIGTERM, one gate per report directory. */
public class ResilienceOptionsTest extends SimulatorCliTest {
    private Map<String, String> env() {
        return Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", simulator.baseUrl(),
                "CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
    }

    private CliRunner.Result usageError(String... args) {
        CliRunner.Result r = CliRunner.run(workDir, env(), args);
        assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode());
        assertEquals(r.toString(), 1, r.err().lines().count());
        assertEquals("no request may reach the API", 0, simulator.requests().count());
        return r;
    }

    @Test
    public void aTypoInFailOnIsAUsageErrorNamingTheClosestType() {
        // issue 6 #6: "--fail-on EROR" used to pass a run with ERROR entries, exit 0
        CliRunner.Result r = usageError("gate", "--run", Long.toString(Scenarios.FAILING_ENTRIES), "--fail-on", "EROR");
        assertThat(r.err(), containsString("error: --fail-on: 'EROR' is not a Codegen message type: did you mean ERROR?"));
        assertThat(r.err(), containsString("write custom:EROR"));
        assertThat(usageError("gate", "--run", "1001", "--fail-on", "ERROR,pr-creation-failed").err(),
                containsString("did you mean PR_CREATION_FAILED?"));
    }

    @Test
    public void aCustomTypeIsAnExplicitOptIn() throws Exception {
        CliRunner.Result r = CliRunner.run(workDir, env(), "gate", "--run", Long.toString(Scenarios.FAILING_ENTRIES),
                "--fail-on", "custom:FINAL_ANSWER_X,action", "--poll-interval", "100ms");
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        assertThat(GateCommandTest.line(r.out(), "Verdict: "), containsString("1 ACTION"));
    }

    @Test
    public void maxOutageIsADuration() {
        assertThat(usageError("gate", "--run", "1001", "--max-outage", "soon").err(), containsString("--max-outage: A duration reads like"));
    }

    @Test
    public void failFastStopsAtTheFirstPageThatDecidesAndSaysSo() throws Exception {
        String json = "{\"tokens\":[\"" + token + "\"],\"runs\":[{\"id\":55,\"organization_id\":" + Scenarios.ORG
                + ",\"status\":\"RUNNING\",\"generate\":{\"count\":450,\"seed\":3,\"error_every\":10}}]}";
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(json))) {
            Map<String, String> env = Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", sim.baseUrl(),
                    "CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
            CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "55", "--fail-fast", "--max-failures", "3",
                    "--poll-interval", "100ms");
            assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
            assertEquals("one page decided it", 1, sim.requests().logsCalls().size());
            String verdict = GateCommandTest.line(r.out(), "Verdict: ");
            assertThat(verdict, containsString("FAILED"));
            assertThat(verdict, containsString("Stopped early after 100 log entries (fail-fast)"));
            Path report = workDir.resolve("codegen-agent-logs-report");
            assertEquals(100, Files.readAllLines(report.resolve("logs.ndjson")).size());
            JsonObject summary = JsonParser.parseString(Files.readString(report.resolve("summary.json"))).getAsJsonObject();
            assertEquals("FAILED", summary.get("verdict").getAsString());
            assertThat(summary.toString(), containsString("Stopped early"));
        }
    }

    @Test
    public void sigtermEndsWith143AndStillWritesTheReport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(env(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workDir);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
                () -> main.run("gate", "--run", Long.toString(Scenarios.STUCK), "--poll-interval", "10s"));
        assertTrue(simulator.requests().awaitCount(1, Duration.ofSeconds(10)));
        main.stop(ExitCodes.TERMINATED);
        assertEquals(out.toString(StandardCharsets.UTF_8), Integer.valueOf(ExitCodes.TERMINATED), running.get(10, TimeUnit.SECONDS));
        String summary = Files.readString(workDir.resolve("codegen-agent-logs-report/summary.json"));
        assertEquals("ERROR", JsonParser.parseString(summary).getAsJsonObject().get("verdict").getAsString());
    }

    @Test
    public void aSecondGateOnTheSameReportDirectoryIsRefusedAndLeavesTheFirstOnesFilesAlone() throws Exception {
        CliRunner first = new CliRunner(workDir, env());
        CompletableFuture<CliRunner.Result> running = first.start("gate", "--run", Long.toString(Scenarios.LIVE),
                "--poll-interval", "10s", "--report-dir", "shared");
        assertTrue(simulator.requests().awaitCount(1, Duration.ofSeconds(10)));
        Path logs = workDir.resolve("shared/logs.ndjson");
        // the first gate wrote its first entry; nothing the second does may change it
        for (int i = 0; i < 100 && (!Files.exists(logs) || Files.size(logs) == 0); i++) {
            Thread.onSpinWait();
            Thread.sleep(10);
        }
        List<String> before = Files.readAllLines(logs);
        assertEquals(1, before.size());
        CliRunner.Result second = CliRunner.run(workDir, env(), "gate", "--run", Long.toString(Scenarios.PASSING),
                "--report-dir", "shared");
        assertEquals(second.toString(), ExitCodes.USAGE, second.exitCode());
        assertThat(second.err(), containsString("is being written by another gate in this process"));
        assertThat(second.err(), containsString("--report-dir"));
        assertEquals(before, Files.readAllLines(logs));
        assertThat(Files.readString(logs), not(containsString("Reading the code")));
        first.stop();
        assertEquals(ExitCodes.CANCELLED, running.get(10, TimeUnit.SECONDS).exitCode());
    }
}
