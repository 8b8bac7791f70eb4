package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.simulator.CreatedRun;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** run: a run created from a prompt on the simulator, then gated like gate. */
public class RunCommandTest extends SimulatorCliTest {
    /** The scenario's largest run id plus one: what the simulator gives the first created run. */
    private static final long FIRST_CREATED = Scenarios.FAILING_ENTRIES + 1;

    private Map<String, String> env() {
        return Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", simulator.baseUrl(),
                "CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
    }

    private CliRunner.Result run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--poll-interval", "100ms"));
        args.addAll(List.of(more));
        return CliRunner.run(workDir, env(), args.toArray(String[]::new));
    }

    @Test
    public void createsTheRunThenGatesIt() throws Exception {
        CliRunner.Result r = run("--prompt", "Fix the flaky test", "--repo-id", "42");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals(List.of(new CreatedRun(Scenarios.ORG, "Fix the flaky test", 42L, FIRST_CREATED)), simulator.createdRuns());
        String out = GateCommandTest.squeeze(r.out());
        assertThat(out, containsString("Creating an agent run in organization 67890, repository 42…"));
        assertThat(out, containsString("Created agent run " + FIRST_CREATED + ": https://app.codegen.com/agent/trace/" + FIRST_CREATED));
        assertThat(out, containsString("#0 --:--:-- USER_MESSAGE Fix the flaky test"));
        assertThat(out, containsString("Verdict: PASSED"));
        JsonObject summary = JsonParser.parseString(Files.readString(workDir.resolve("codegen-agent-logs-report/summary.json")))
                .getAsJsonObject();
        assertEquals(FIRST_CREATED, summary.getAsJsonObject("run").get("id").getAsLong());
    }

    @Test
    public void thePromptMayComeFromAFileAndTheSummaryGoesToStandardOutput() throws Exception {
        Files.writeString(workDir.resolve("task.md"), "# Task\n\nAdd tests for the parser.\n");
        CliRunner.Result r = run("--prompt-file", "task.md", "--json", "--fail-on", "USER_MESSAGE");
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        assertEquals("# Task\n\nAdd tests for the parser.\n", simulator.createdRuns().get(0).prompt());
        assertEquals(FIRST_CREATED, JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("run").get("id").getAsLong());
        assertThat(r.err(), containsString("Created agent run " + FIRST_CREATED));
    }

    @Test
    public void noPromptOrTwoPromptsCreateNothing() throws Exception {
        Files.writeString(workDir.resolve("task.md"), "x");
        for (String[] args : List.of(new String[] {}, new String[] {"--prompt", "x", "--prompt-file", "task.md"},
                new String[] {"--prompt", "   "}, new String[] {"--prompt", "x", "--repo-id", "abc"},
                new String[] {"--prompt-file", "missing.md"})) {
            CliRunner.Result r = run(args);
            assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode());
        }
        assertEquals(0, simulator.requests().all().size());
        assertEquals(List.of(), simulator.createdRuns());
    }

    @Test
    public void aRefusalSaysWhatToDoAndGatesNothing() {
        simulator.refuseCreations(402);
        CliRunner.Result r = run("--prompt", "Fix it");
        assertEquals(r.toString(), ExitCodes.API_ERROR, r.exitCode());
        assertThat(r.err(), containsString("error: Codegen refused to start a run (payment required)"));
        assertThat(r.err(), containsString("Add credits or check the plan of the organization in Codegen."));
        assertEquals(1, simulator.requests().all().size());
    }
}
