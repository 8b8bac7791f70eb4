package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.occurrences;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.Assert.assertEquals;

import hudson.model.Result;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Fault;
import io.codegenagentlogs.simulator.RecordedCall;
import io.codegenagentlogs.simulator.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** What the API does wrong, and the step's own time limit, inside Jenkins. */
public class CodegenStepFaultsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public Simulators simulators = new Simulators();

    @Test
    public void rateLimitAndServerErrorsAreRetriedWithoutLosingOrRepeatingEntries() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        // the first three logs requests fail, each in its own transient way
        sim.inject(Fault.rateLimited("1"));
        sim.inject(Fault.status(503));
        sim.inject(Fault.status(502));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "retries", "def r = " + step(sim, 1001, "") + "\necho \"verdict=${r.verdict} logs=${r.logsFetched}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);

        List<Integer> statuses = new ArrayList<>();
        for (RecordedCall call : sim.requests().logsCalls()) {
            statuses.add(call.status());
        }
        assertThat(statuses.subList(0, 4), contains(429, 503, 502, 200));
        String log = JenkinsRule.getLog(b);
        // each retry is announced once, with its reason; Retry-After: 1 is honoured as 1 s
        assertEquals(log, 1, occurrences(log, "HTTP 429"));
        assertEquals(log, 1, occurrences(log, "HTTP 503"));
        assertEquals(log, 1, occurrences(log, "HTTP 502"));
        assertThat(log.lines().filter(l -> l.contains("HTTP 429")).findFirst().orElseThrow(), containsString("retrying in 1s"));
        j.assertLogContains("verdict=PASSED logs=25", b);
        assertEquals(1, occurrences(log, "Locate the report command."));
        List<String> ndjson = Files.readAllLines(actions(b).get(0).getReportDir().resolve(ReportFiles.LOGS_NDJSON),
                StandardCharsets.UTF_8);
        assertEquals(25, ndjson.size());
    }

    @Test
    public void aRunThatNeverEndsTimesOutWithWhatWasFetched() throws Exception {
        CodegenSimulator sim = simulators.start(Scenario.fromJson("{\"tokens\": [\"" + SIM_TOKEN + "\"], \"runs\": [{\"id\": 9009, "
                + "\"organization_id\": 67890, \"status\": \"RUNNING\", \"logs\": ["
                + "{\"message_type\": \"ACTION\", \"tool_name\": \"file_view\", \"thought\": \"timeout-probe\"}]}]}"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        // one minute is the shortest timeout a step accepts
        WorkflowJob p = pipeline(j, "timeout", step(sim, 9009, "timeoutMinutes: 1"));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        assertThat(b.getDuration(), greaterThanOrEqualTo(60_000L));
        j.assertLogContains("Codegen agent run 9009 did not finish in time", b);
        j.assertLogContains("RUNNING", b);
        assertEquals(1, occurrences(JenkinsRule.getLog(b), "timeout-probe"));
        CodegenRunAction a = actions(b).get(0);
        assertEquals("TIMED_OUT", a.getVerdict());
        assertEquals(1, a.getLogsFetched());
        assertEquals(1, Files.readAllLines(a.getReportDir().resolve(ReportFiles.LOGS_NDJSON), StandardCharsets.UTF_8).size());
    }
}
