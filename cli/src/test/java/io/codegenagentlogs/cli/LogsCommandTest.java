package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class LogsCommandTest extends SimulatorCliTest {
    private CliRunner.Result logs(String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "logs";
        args[1] = "--org";
        args[2] = "67890";
        args[3] = "--poll-interval";
        args[4] = "100ms";
        System.arraycopy(more, 0, args, 5, more.length);
        CliRunner.Result r = CliRunner.run(workDir, Map.of("CODEGEN_API_TOKEN", token,
                "CODEGEN_API_BASE_URL", simulator.baseUrl()), args);
        assertThat(r.all(), not(containsString(token)));
        return r;
    }

    @Test
    public void ndjsonPrintsExactlyTheRawEntriesEachOnce() {
        CliRunner.Result r = logs("--run", Long.toString(Scenarios.FAILING_ENTRIES), "--format", "ndjson");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals(String.join("\n", Scenarios.FAILING_RAW) + "\n", r.out());
        assertThat(r.err(), containsString("ended with status COMPLETE"));
    }

    @Test
    public void ndjsonOfARunThatGrowsHasNoDuplicates() throws Exception {
        CliRunner cli = new CliRunner(workDir, Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", simulator.baseUrl()));
        var running = cli.start("logs", "--org", "67890", "--run", Long.toString(Scenarios.LIVE), "--format", "NDJSON",
                "--poll-interval", "100ms");
        simulator.requests().awaitCount(2, java.time.Duration.ofSeconds(10));
        simulator.run(Scenarios.LIVE).setVisibleLogs(3);
        simulator.run(Scenarios.LIVE).setStatus("COMPLETE");
        CliRunner.Result r = running.get(20, TimeUnit.SECONDS);
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals(r.toString(), 3, r.out().lines().count());
        assertEquals(3, r.out().lines().distinct().count());
        assertThat(r.out().lines().findFirst().orElseThrow(), containsString("\"first\""));
        assertThat(r.err(), containsString("… status RUNNING, 1 of 1 logs fetched"));
    }

    @Test
    public void textPrintsOneReadableLinePerEntryAndNoVerdict() {
        CliRunner.Result r = logs("--run", Long.toString(Scenarios.FAILING_ENTRIES));
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals(r.toString(), 4, r.out().lines().count());
        String out = GateCommandTest.squeeze(r.out());
        assertThat(out, containsString("#0 10:30:00 ACTION run_tests Running the suite é \"quoted\""));
        assertThat(out, containsString("#2 --:--:-- PR_CREATION_FAILED Could not push the branch"));
        assertThat(r.err(), containsString("Codegen agent run 12345 (org 67890): status COMPLETE"));
        assertFalse(r.all().contains("Verdict"));
    }

    @Test
    public void unknownRunExits3WithOneErrorLine() {
        CliRunner.Result r = logs("--run", "999999");
        assertEquals(r.toString(), ExitCodes.API_ERROR, r.exitCode());
        assertEquals("", r.out());
        assertThat(r.err(), containsString("error: "));
        assertThat(r.err(), containsString("HTTP 404"));
        assertThat(r.err(), not(containsString("Exception")));
    }

    @Test
    public void stuckRunTimesOutWith4() {
        CliRunner.Result r = logs("--run", Long.toString(Scenarios.STUCK), "--timeout", "500ms");
        assertEquals(r.toString(), ExitCodes.TIMED_OUT, r.exitCode());
        assertEquals(1, r.out().lines().count());
    }
}
