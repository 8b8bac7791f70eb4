package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** The gate on the simulator's bundled scenarios, the ones the docs and the demo talk about. */
public class BundledScenariosTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = new Timeout(30, TimeUnit.SECONDS);

    private CliRunner.Result gate(String scenario, long run, String pollInterval) throws Exception {
        try (CodegenSimulator simulator = CodegenSimulator.start(Scenario.bundled(scenario))) {
            return CliRunner.run(tmp.newFolder().toPath(), Map.of("CODEGEN_API_TOKEN", "sim-token"), "gate",
                    "--base-url", simulator.baseUrl(), "--org", "67890", "--run", Long.toString(run),
                    "--poll-interval", pollInterval);
        }
    }

    @Test
    public void passingExits0() throws Exception {
        CliRunner.Result r = gate("passing", 1001, "200ms");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertThat(r.out(), containsString("Verdict: PASSED"));
        assertThat(r.out(), containsString("status RUNNING"));
        assertThat(r.out(), containsString("status COMPLETE"));
    }

    @Test
    public void realisticExits1ForItsErrorAndPrCreationFailure() throws Exception {
        CliRunner.Result r = gate("realistic", 12345, "500ms");
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        String verdict = GateCommandTest.line(r.out(), "Verdict: ");
        assertThat(verdict, containsString("ERROR"));
        assertThat(verdict, containsString("PR_CREATION_FAILED"));
    }
}
