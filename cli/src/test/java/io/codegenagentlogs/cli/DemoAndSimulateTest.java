package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

public class DemoAndSimulateTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = new Timeout(45, TimeUnit.SECONDS);

    @Test
    public void demoRunsAsDesignedAndExits0() throws Exception {
        Path workDir = tmp.newFolder("demo").toPath();
        CliRunner.Result r = CliRunner.run(workDir, Map.of(), "demo");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertThat(r.out(), containsString(" ERROR"));
        String verdict = GateCommandTest.line(r.out(), "Verdict: ");
        assertThat(verdict, containsString("FAILED"));
        assertThat(verdict, containsString("ERROR"));
        assertThat(verdict, containsString("PR_CREATION_FAILED"));
        assertThat(r.out(), containsString("designed outcome"));
        Path report = workDir.resolve("codegen-agent-logs-demo");
        assertThat(r.out(), containsString("Report: " + report));
        String summary = Files.readString(report.resolve("summary.json"));
        assertEquals("FAILED", JsonParser.parseString(summary).getAsJsonObject().get("verdict").getAsString());
    }

    @Test
    public void simulateServesUntilStoppedAndSaysHowToUseIt() throws Exception {
        Path workDir = tmp.newFolder("sim").toPath();
        Path scenario = workDir.resolve("scenario.json");
        String token = Scenarios.newToken();
        Files.writeString(scenario, Scenarios.json(token));
        CliRunner sim = new CliRunner(workDir, Map.of());
        CompletableFuture<CliRunner.Result> serving = sim.start("simulate", "--scenario", "scenario.json");
        awaitLine(sim, Pattern.compile("Press Ctrl-C to stop"), serving);
        Matcher url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(sim.out());
        assertTrue(sim.out(), url.find());
        String baseUrl = url.group(1);
        assertThat(sim.out(), containsString("token:    " + token));
        assertThat(sim.out(), containsString("run " + Scenarios.PASSING + " in org " + Scenarios.ORG));
        assertThat(sim.out(), containsString("gate --base-url " + baseUrl + " --org " + Scenarios.ORG + " --run "));

        CliRunner.Result gate = CliRunner.run(workDir, Map.of("CODEGEN_API_TOKEN", token), "gate", "--base-url", baseUrl,
                "--org", "67890", "--run", Long.toString(Scenarios.PASSING), "--poll-interval", "100ms", "--quiet");
        assertEquals(gate.toString(), ExitCodes.PASSED, gate.exitCode());

        sim.stop();
        CliRunner.Result r = serving.get(10, TimeUnit.SECONDS);
        assertEquals(r.toString(), ExitCodes.CANCELLED, r.exitCode());
        assertThat(r.err(), containsString("simulator stopped"));
    }

    @Test
    public void simulateWithAnUnknownScenarioExits2() throws Exception {
        CliRunner.Result r = CliRunner.run(tmp.newFolder("bad").toPath(), Map.of(), "simulate", "--scenario", "nope");
        assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode());
        assertThat(r.err(), containsString("error: No scenario file or bundled scenario named 'nope'"));
    }

    private static Matcher awaitLine(CliRunner cli, Pattern pattern, CompletableFuture<?> running) throws Exception {
        // The simulator prints its URL once it listens; wait on the command's own progress, not on a clock.
        while (true) {
            Matcher m = pattern.matcher(cli.out());
            if (m.find()) {
                return m;
            }
            if (running.isDone()) {
                throw new AssertionError("simulate ended early: " + running.get());
            }
            Thread.onSpinWait();
        }
    }
}
