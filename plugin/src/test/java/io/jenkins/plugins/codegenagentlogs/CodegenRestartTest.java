package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.occurrences;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** The step survives a controller restart mid-run: nothing printed twice, nothing lost. */
public class CodegenRestartTest {
    private static final long RUN = 7007;
    private static final List<String> BEFORE = List.of("restart-probe-alpha", "restart-probe-bravo", "restart-probe-charlie");
    private static final List<String> AFTER = List.of("restart-probe-delta", "restart-probe-echo", "restart-probe-foxtrot");

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    private CodegenSimulator sim;

    @BeforeClass
    public static void sharedSetup() {
        CodegenTestSupport.init();
    }

    @After
    public void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private static String entry(String thought) {
        return "{\"agent_run_id\": " + RUN + ", \"created_at\": \"2025-06-21T11:20:00Z\", \"message_type\": \"ACTION\", "
                + "\"tool_name\": \"file_view\", \"thought\": \"" + thought + "\", \"observation\": null}";
    }

    @Test
    public void resumesFromThePersistedCursorAfterARestart() throws Throwable {
        StringBuilder logs = new StringBuilder();
        for (String t : BEFORE) {
            logs.append(logs.length() == 0 ? "" : ",").append(entry(t));
        }
        // No stages: the run stays RUNNING with its 3 entries visible until the test moves it on.
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\": [\"" + SIM_TOKEN + "\"], \"runs\": [{\"id\": " + RUN
                + ", \"organization_id\": 67890, \"status\": \"RUNNING\", \"web_url\": \"https://app.codegen.com/agent/trace/"
                + RUN + "\", \"logs\": [" + logs + "]}]}"));

        sessions.then(j -> {
            addToken(CREDENTIALS_ID, SIM_TOKEN);
            WorkflowJob p = pipeline(j, "p", "def r = " + step(sim, RUN, "") + "\necho \"returned ${r.verdict} after ${r.logsFetched}\"");
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage(BEFORE.get(2), b);
            // at least one more poll of the idle run: the step is waiting, not done
            // (awaitCount counts every request, so the baseline must count every request too)
            int seen = sim.requests().count();
            assertTrue(sim.requests().awaitCount(seen + 1, Duration.ofSeconds(30)));
            assertTrue(b.isBuilding());
        });

        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertNotNull(p);
            WorkflowRun b = p.getBuildByNumber(1);
            assertTrue(b.isBuilding());
            SimulatedRun run = sim.run(RUN);
            AFTER.forEach(t -> run.appendLog(entry(t)));
            run.setVisibleLogs(BEFORE.size() + AFTER.size());
            run.setStatus("COMPLETE");
            j.assertBuildStatusSuccess(j.waitForCompletion(b));

            String log = JenkinsRule.getLog(b);
            for (String t : BEFORE) {
                assertEquals(t + " printed once", 1, occurrences(log, t));
            }
            for (String t : AFTER) {
                assertEquals(t + " printed once", 1, occurrences(log, t));
            }
            j.assertLogContains("resuming agent run " + RUN, b);
            j.assertLogContains("returned PASSED after 6", b);

            CodegenRunAction a = actions(b).get(0);
            assertEquals("PASSED", a.getVerdict());
            assertEquals(6, a.getLogsFetched());
            List<String> ndjson = Files.readAllLines(a.getReportDir().resolve(ReportFiles.LOGS_NDJSON), StandardCharsets.UTF_8);
            assertEquals("logs.ndjson holds each entry once", 6, ndjson.size());
            String all = String.join("\n", ndjson);
            for (String t : BEFORE) {
                assertEquals(1, occurrences(all, t));
            }
            assertFalse(log.contains("sim-token"));
        });
    }
}
