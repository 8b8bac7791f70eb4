package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The gate command against a real simulator over real sockets: verdicts, exit codes, output, report. */
public class GateCommandTest extends SimulatorCliTest {
    private Map<String, String> env() {
        return Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", simulator.baseUrl(),
                "CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
    }

    private CliRunner.Result gate(long run, String... more) {
        List<String> args = new ArrayList<>(List.of("gate", "--run", Long.toString(run), "--poll-interval", "100ms"));
        args.addAll(List.of(more));
        CliRunner.Result r = CliRunner.run(workDir, env(), args.toArray(String[]::new));
        assertThat(r.all(), not(containsString(token)));
        return r;
    }

    @Test
    public void passingRunExits0AndStreamsEveryEntry() {
        CliRunner.Result r = gate(Scenarios.PASSING);
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        String out = squeeze(r.out());
        assertThat(out, containsString("Codegen agent run 1001 (org 67890): status COMPLETE"));
        assertThat(out, containsString("#0 --:--:-- ACTION read_file Reading the code"));
        assertThat(out, containsString("#1 --:--:-- FINAL_ANSWER All done"));
        assertThat(out, containsString("Verdict: PASSED"));
        assertThat(out, containsString("Report: " + workDir.resolve("codegen-agent-logs-report")));
        assertEquals("", r.err());
    }

    @Test
    public void failingEntriesExit1WithReasons() {
        CliRunner.Result r = gate(Scenarios.FAILING_ENTRIES);
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        String verdict = line(r.out(), "Verdict: ");
        assertThat(verdict, containsString("FAILED"));
        assertThat(verdict, containsString("1 ERROR"));
        assertThat(verdict, containsString("1 PR_CREATION_FAILED"));
    }

    @Test
    public void failedRunStatusExit1UnlessNoFailOnRunStatus() {
        CliRunner.Result r = gate(Scenarios.FAILED_STATUS);
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        assertThat(line(r.out(), "Verdict: "), containsString("status FAILED"));

        CliRunner.Result lenient = gate(Scenarios.FAILED_STATUS, "--no-fail-on-run-status");
        assertEquals(lenient.toString(), ExitCodes.PASSED, lenient.exitCode());
    }

    @Test
    public void emptyFailOnFailsOnNoEntryType() {
        CliRunner.Result r = gate(Scenarios.FAILING_ENTRIES, "--fail-on=");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
    }

    @Test
    public void failOnChoosesTheFailingTypes() {
        CliRunner.Result onlyAction = gate(Scenarios.PASSING, "--fail-on", "action,DETECT_PR_ERRORS");
        assertEquals(onlyAction.toString(), ExitCodes.GATE_FAILED, onlyAction.exitCode());
        assertThat(line(onlyAction.out(), "Verdict: "), containsString("1 ACTION"));

        CliRunner.Result onlyError = gate(Scenarios.FAILING_ENTRIES, "--fail-on", "ERROR", "--json");
        assertEquals(onlyError.toString(), ExitCodes.GATE_FAILED, onlyError.exitCode());
        JsonObject summary = JsonParser.parseString(onlyError.out()).getAsJsonObject();
        assertEquals(1, summary.get("failing_entries").getAsInt());
        assertEquals("[\"ERROR\"]", summary.getAsJsonObject("policy").get("fail_on").toString());
    }

    @Test
    public void maxFailuresToleratesThatMany() {
        CliRunner.Result one = gate(Scenarios.FAILING_ENTRIES, "--max-failures", "1");
        assertEquals(one.toString(), ExitCodes.GATE_FAILED, one.exitCode());
        assertThat(line(one.out(), "Verdict: "), containsString("1 tolerated"));

        CliRunner.Result two = gate(Scenarios.FAILING_ENTRIES, "--max-failures", "2");
        assertEquals(two.toString(), ExitCodes.PASSED, two.exitCode());
    }

    @Test
    public void jsonPutsTheSummaryOnStdoutAndTheRestOnStderr() throws Exception {
        CliRunner.Result r = gate(Scenarios.FAILING_ENTRIES, "--json", "--report-dir", "out/report");
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        JsonObject summary = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("FAILED", summary.get("verdict").getAsString());
        assertFalse(summary.get("passed").getAsBoolean());
        assertEquals(Scenarios.FAILING_ENTRIES, summary.getAsJsonObject("run").get("id").getAsLong());
        Path dir = workDir.resolve("out/report");
        assertEquals(Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8), r.out());
        assertThat(squeeze(r.err()), containsString("#1 11:20:04 ERROR Build failed: 3 tests"));
        assertThat(r.err(), containsString("Verdict: FAILED"));
        assertThat(r.err(), containsString("Report: " + dir));
    }

    @Test
    public void reportFilesGoToTheReportDir() throws Exception {
        CliRunner.Result r = gate(Scenarios.FAILING_ENTRIES, "--report-dir", "reports/gate", "--quiet");
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        Path dir = workDir.resolve("reports/gate");
        assertTrue(Files.isRegularFile(dir.resolve("summary.json")));
        assertTrue(Files.isRegularFile(dir.resolve("summary.md")));
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("junit.xml")));
        assertEquals(Scenarios.FAILING_RAW, Files.readAllLines(dir.resolve("logs.ndjson"), StandardCharsets.UTF_8));
        // quiet: the failing entries only
        String out = squeeze(r.out());
        assertThat(out, not(containsString("#0 ")));
        assertThat(out, not(containsString("#3 ")));
        assertThat(out, containsString("#1 11:20:04 ERROR Build failed: 3 tests"));
        assertThat(out, containsString("#2 --:--:-- PR_CREATION_FAILED Could not push the branch"));
        assertThat(out, containsString("Verdict: FAILED"));
    }

    @Test
    public void defaultReportDirIsInTheWorkingDirectory() {
        CliRunner.Result r = gate(Scenarios.PASSING, "--quiet");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertTrue(Files.isRegularFile(workDir.resolve("codegen-agent-logs-report/summary.json")));
    }

    @Test
    public void unknownRunExits3() {
        CliRunner.Result r = gate(424242, "--verbose");
        assertEquals(r.toString(), ExitCodes.API_ERROR, r.exitCode());
        assertThat(line(r.out(), "Verdict: "), containsString("ERROR"));
        assertThat(line(r.out(), "Verdict: "), containsString("HTTP 404"));
    }

    @Test
    public void wrongTokenExits3WithoutShowingAnyToken() {
        String wrong = Scenarios.newToken();
        Map<String, String> env = Map.of("CODEGEN_API_TOKEN", wrong, "CODEGEN_ORG_ID", "67890");
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "1001", "--base-url", simulator.baseUrl(),
                "--verbose", "--json");
        assertEquals(r.toString(), ExitCodes.API_ERROR, r.exitCode());
        assertEquals("ERROR", JsonParser.parseString(r.out()).getAsJsonObject().get("verdict").getAsString());
        assertThat(r.err(), containsString("HTTP 401"));
        assertThat(r.err(), containsString("CodegenApiException")); // --verbose: the stack trace
        assertThat(r.all(), not(containsString(wrong)));
        assertThat(r.all(), not(containsString(token)));
    }

    @Test
    public void runStuckRunningTimesOutWith4() {
        CliRunner.Result r = gate(Scenarios.STUCK, "--timeout", "1s");
        assertEquals(r.toString(), ExitCodes.TIMED_OUT, r.exitCode());
        assertThat(r.out(), containsString("… status RUNNING, 1 of 1 logs fetched, next poll in 100ms"));
        assertThat(line(r.out(), "Verdict: "), containsString("TIMED_OUT"));
    }

    @Test
    public void streamsEntriesAsTheRunProgresses() throws Exception {
        CliRunner cli = new CliRunner(workDir, env());
        CompletableFuture<CliRunner.Result> running = cli.start("gate", "--run", Long.toString(Scenarios.LIVE),
                "--poll-interval", "100ms");
        assertTrue(simulator.requests().awaitCount(1, Duration.ofSeconds(10)));
        simulator.run(Scenarios.LIVE).setVisibleLogs(2);
        int seen = simulator.requests().count();
        assertTrue(simulator.requests().awaitCount(seen + 1, Duration.ofSeconds(10)));
        simulator.run(Scenarios.LIVE).setVisibleLogs(3);
        simulator.run(Scenarios.LIVE).setStatus("completed");
        CliRunner.Result r = running.get(20, TimeUnit.SECONDS);
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        String out = squeeze(r.out());
        assertThat(out, containsString("… status RUNNING, 1 of 1 logs fetched"));
        int first = out.indexOf("#0 --:--:-- ACTION first");
        int second = out.indexOf("#1 --:--:-- ACTION second");
        int third = out.indexOf("#2 --:--:-- FINAL_ANSWER third");
        assertTrue(out, first >= 0 && first < second && second < third);
        assertEquals(out, out.lastIndexOf("#1 "), second);
        assertThat(out, containsString("status COMPLETE"));
    }

    @Test
    public void ctrlCCancelsWith130AndStillWritesTheReport() throws Exception {
        CliRunner cli = new CliRunner(workDir, env());
        CompletableFuture<CliRunner.Result> running = cli.start("gate", "--run", Long.toString(Scenarios.STUCK),
                "--poll-interval", "10s");
        assertTrue(simulator.requests().awaitCount(1, Duration.ofSeconds(10)));
        cli.stop();
        CliRunner.Result r = running.get(10, TimeUnit.SECONDS);
        assertEquals(r.toString(), ExitCodes.CANCELLED, r.exitCode());
        assertThat(line(r.out(), "Verdict: "), containsString("Cancelled"));
        String summary = Files.readString(workDir.resolve("codegen-agent-logs-report/summary.json"));
        assertEquals("ERROR", JsonParser.parseString(summary).getAsJsonObject().get("verdict").getAsString());
    }

    /** Runs of spaces as one: console columns are padded. */
    static String squeeze(String text) {
        return text.replaceAll(" +", " ");
    }

    static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + text));
    }
}
