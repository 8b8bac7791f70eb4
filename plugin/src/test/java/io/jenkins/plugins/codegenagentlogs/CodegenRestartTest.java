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

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import io.codegenagentlogs.simulator.SimulatedRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowDurabilityHint;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.DurabilityHintJobProperty;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** The step survives a controller restart mid-run: nothing printed twice, nothing lost. */
public class CodegenRestartTest {
    static final long RUN = 7007;
    static final List<String> BEFORE = List.of("restart-probe-alpha", "restart-probe-bravo", "restart-probe-charlie");
    static final List<String> AFTER = List.of("restart-probe-delta", "restart-probe-echo", "restart-probe-foxtrot");

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

    static String entry(String thought) {
        return "{\"agent_run_id\": " + RUN + ", \"created_at\": \"2025-06-21T11:20:00Z\", \"message_type\": \"ACTION\", "
                + "\"tool_name\": \"file_view\", \"thought\": \"" + thought + "\", \"observation\": null}";
    }

    /** No stages: the run stays RUNNING with its 3 entries visible until the test moves it on. */
    static CodegenSimulator startIdleRun() throws java.io.IOException {
        StringBuilder logs = new StringBuilder();
        for (String t : BEFORE) {
            logs.append(logs.length() == 0 ? "" : ",").append(entry(t));
        }
        return CodegenSimulator.start(Scenario.fromJson("{\"tokens\": [\"" + SIM_TOKEN + "\"], \"runs\": [{\"id\": " + RUN
                + ", \"organization_id\": 67890, \"status\": \"RUNNING\", \"web_url\": \"https://app.codegen.com/agent/trace/"
                + RUN + "\", \"logs\": [" + logs + "]}]}"));
    }

    /** Starts the watching build and returns once its first entries are printed and it polls the idle run again. */
    static WorkflowRun startWatching(JenkinsRule j, CodegenSimulator sim, WorkflowJob p) throws Exception {
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage(BEFORE.get(2), b);
        // at least one more poll of the idle run: the step is waiting, not done
        // (awaitCount counts every request, so the baseline must count every request too)
        int seen = sim.requests().count();
        assertTrue(sim.requests().awaitCount(seen + 1, Duration.ofSeconds(30)));
        assertTrue(b.isBuilding());
        return b;
    }

    /** Lets the idle run log 3 more entries and complete. */
    static void completeRun(CodegenSimulator sim) {
        SimulatedRun run = sim.run(RUN);
        AFTER.forEach(t -> run.appendLog(entry(t)));
        run.setVisibleLogs(BEFORE.size() + AFTER.size());
        run.setStatus("COMPLETE");
    }

    /** Each of the 6 entries once in logs.ndjson, whatever the console shows. */
    static void assertEachEntryOnceInTheLogsFile(CodegenRunAction a) throws java.io.IOException {
        List<String> ndjson = Files.readAllLines(a.getReportDir().resolve(ReportFiles.LOGS_NDJSON), StandardCharsets.UTF_8);
        assertEquals("logs.ndjson holds each entry once", 6, ndjson.size());
        String all = String.join("\n", ndjson);
        for (String t : BEFORE) {
            assertEquals(t, 1, occurrences(all, t));
        }
        for (String t : AFTER) {
            assertEquals(t, 1, occurrences(all, t));
        }
    }

    @Test
    public void resumesFromThePersistedCursorAfterARestart() throws Throwable {
        sim = startIdleRun();
        sessions.then(j -> {
            addToken(CREDENTIALS_ID, SIM_TOKEN);
            WorkflowJob p = pipeline(j, "p", "def r = " + step(sim, RUN, "") + "\necho \"returned ${r.verdict} after ${r.logsFetched}\"");
            startWatching(j, sim, p);
        });
        sessions.then(j -> {
            WorkflowRun b = theBuild(j);
            assertTrue("the build resumed", b.isBuilding());
            completeRun(sim);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            assertEachEntryPrintedOnce(b);
            j.assertLogContains("resuming agent run " + RUN, b);
            j.assertLogContains("returned PASSED after 6", b);

            CodegenRunAction a = actions(b).get(0);
            assertEquals("PASSED", a.getVerdict());
            assertEquals(6, a.getLogsFetched());
            assertEachEntryOnceInTheLogsFile(a);
            assertFalse(JenkinsRule.getLog(b).contains(SIM_TOKEN));
        });
    }

    @Test
    public void performanceOptimizedDurabilityResumesAfterACleanRestart() throws Throwable {
        sim = startIdleRun();
        sessions.then(j -> {
            addToken(CREDENTIALS_ID, SIM_TOKEN);
            WorkflowJob p = pipeline(j, "p", step(sim, RUN, ""));
            p.addProperty(new DurabilityHintJobProperty(FlowDurabilityHint.PERFORMANCE_OPTIMIZED));
            startWatching(j, sim, p);
        });
        sessions.then(j -> {
            // a clean shutdown writes the program state even when the build does not persist it as it goes
            WorkflowRun b = theBuild(j);
            assertTrue("the build resumed", b.isBuilding());
            completeRun(sim);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            assertEachEntryPrintedOnce(b);
            assertEachEntryOnceInTheLogsFile(actions(b).get(0));
        });
    }

    @Test
    public void aCredentialRemovedBeforeTheResumeFailsClearlyAndKeepsWhatWasFetched() throws Throwable {
        sim = startIdleRun();
        sessions.then(j -> {
            addToken(CREDENTIALS_ID, SIM_TOKEN);
            WorkflowJob p = pipeline(j, "p", step(sim, RUN, ""));
            startWatching(j, sim, p);
            SystemCredentialsProvider.getInstance().getCredentials().clear();
            SystemCredentialsProvider.getInstance().save();
        });
        sessions.then(j -> {
            WorkflowRun b = theBuild(j);
            int requestsBefore = sim.requests().count();
            completeRun(sim);
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
            j.assertLogContains("The Codegen API credential '" + CREDENTIALS_ID + "' was not found", b);
            assertEquals("no request without a token", requestsBefore, sim.requests().count());

            CodegenRunAction a = actions(b).get(0);
            assertEquals("ERROR", a.getVerdict());
            List<String> kept = Files.readAllLines(a.getReportDir().resolve(ReportFiles.LOGS_NDJSON), StandardCharsets.UTF_8);
            assertEquals("the entries fetched before the restart are kept", 3, kept.size());
            assertTrue(kept.get(2).contains(BEFORE.get(2)));
        });
    }

    static WorkflowRun theBuild(JenkinsRule j) {
        WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
        assertNotNull(p);
        WorkflowRun b = p.getBuildByNumber(1);
        assertNotNull(b);
        return b;
    }

    static void assertEachEntryPrintedOnce(WorkflowRun b) throws java.io.IOException {
        String log = JenkinsRule.getLog(b);
        for (String t : BEFORE) {
            assertEquals(t + " printed once", 1, occurrences(log, t));
        }
        for (String t : AFTER) {
            assertEquals(t + " printed once", 1, occurrences(log, t));
        }
    }
}
