package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.AFTER;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.BEFORE;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.RUN;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.assertEachEntryOnceInTheLogsFile;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.completeRun;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.startIdleRun;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.startWatching;
import static io.jenkins.plugins.codegenagentlogs.CodegenRestartTest.theBuild;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.occurrences;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowDurabilityHint;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.DurabilityHintJobProperty;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.RestartableJenkinsRule;

/**
 * The controller dies mid-run instead of shutting down: the next start sees JENKINS_HOME as it was on
 * disk at that moment. The console may print again what it printed after the last saved cursor;
 * {@code logs.ndjson} never loses or repeats an entry.
 */
public class CodegenHardRestartTest {
    @Rule
    public RestartableJenkinsRule story = new RestartableJenkinsRule();

    /** The sessions run after the test method and its @After: the simulator must outlive them. */
    private static CodegenSimulator sim;

    @BeforeClass
    public static void sharedSetup() {
        CodegenTestSupport.init();
    }

    @AfterClass
    public static void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    public void resumesAfterAHardRestartWithAnExactLogsFile() throws Throwable {
        sim = startIdleRun();
        story.thenWithHardShutdown(j -> {
            addToken(CREDENTIALS_ID, SIM_TOKEN);
            startWatching(j, sim, pipeline(j, "p", step(sim, RUN, "")));
        });
        story.then(j -> {
            WorkflowRun b = theBuild(j);
            assertTrue("the build resumed", b.isBuilding());
            completeRun(sim);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            String log = JenkinsRule.getLog(b);
            for (String t : BEFORE) {
                // printed before the crash, and again if the crash came before its cursor was saved
                assertThat(t, occurrences(log, t), allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(2)));
            }
            for (String t : AFTER) {
                assertEquals(t, 1, occurrences(log, t));
            }
            assertEachEntryOnceInTheLogsFile(actions(b).get(0));
        });
    }

    @Test
    public void performanceOptimizedLosesTheBuildOnAHardRestartButNotTheLogsFile() throws Throwable {
        sim = startIdleRun();
        story.thenWithHardShutdown(j -> {
            addToken(CREDENTIALS_ID, SIM_TOKEN);
            WorkflowJob p = pipeline(j, "p", step(sim, RUN, ""));
            p.addProperty(new DurabilityHintJobProperty(FlowDurabilityHint.PERFORMANCE_OPTIMIZED));
            startWatching(j, sim, p);
        });
        story.then(j -> {
            // The program state was never written: Pipeline cannot resume the build and fails it.
            WorkflowRun b = j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(theBuild(j)));
            CodegenRunAction a = actions(b).get(0);
            // the page does not claim a watch that can never end
            assertNull(a.getVerdict());
            assertEquals("no verdict: the build ended before the watch", a.getVerdictText());
            assertEquals("symbol-status-aborted", a.getSummaryIcon());
            // what was fetched before the crash is there, once
            List<String> kept = Files.readAllLines(a.getReportDir().resolve(ReportFiles.LOGS_NDJSON), StandardCharsets.UTF_8);
            assertEquals(BEFORE.size(), kept.size());
            for (int i = 0; i < BEFORE.size(); i++) {
                assertThat(kept.get(i), containsString(BEFORE.get(i)));
            }
        });
    }
}
