package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.occurrences;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.TrendPoint;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The summary over the REST API, the job's trend across builds, the loop rule and the verdict line. */
public class CodegenInsightsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public Simulators simulators = new Simulators();

    private CodegenSimulator simulator(String bundled) throws Exception {
        return simulators.bundled(bundled);
    }

    @Test
    public void theBuildActionsSummaryIsInTheRestApi() throws Exception {
        CodegenSimulator sim = simulator("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "api", step(sim, 12345, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        CodegenRunAction a = actions(b).get(0);

        String json = j.createWebClient().goTo(b.getUrl() + a.getUrlName() + "/api/json", "application/json")
                .getWebResponse().getContentAsString();
        JSONObject o = JSONObject.fromObject(json);
        assertEquals("FAILED", o.getString("verdict"));
        assertEquals(12345, o.getLong("agentRunId"));
        assertEquals(67890, o.getLong("orgId"));
        assertEquals("COMPLETE", o.getString("status"));
        assertTrue(o.getBoolean("finished"));
        assertEquals(3, o.getLong("failures"));
        assertEquals(2, o.getLong("errorEntries"));
        assertEquals(3, o.getLong("failedCalls"));
        assertEquals(34, o.getLong("actions"));
        assertEquals(9, o.getLong("planEvaluations"));
        assertEquals(61, o.getLong("logsFetched"));
        assertEquals("11:20:04 to 11:27:04", 420_000, o.getLong("agentRunMillis"));
        assertEquals(2, o.getJSONObject("counts").getLong("ERROR"));
        assertEquals(1, o.getJSONObject("counts").getLong("PR_CREATION_FAILED"));
        assertEquals(List.of("https://github.com/acme/billing-web/pull/483"), new ArrayList<Object>(o.getJSONArray("pullRequests")));
        assertEquals(10, o.getLong("changes"));
        assertEquals(3, o.getLong("filesChanged"));
        assertEquals(2, o.getLong("maxIdenticalCalls"));
        assertEquals(0, o.getLong("possibleLoops"));
        JSONArray reasons = o.getJSONArray("reasons");
        assertThat(reasons.getString(0), startsWith("3 failing entries (2 ERROR, 1 PR_CREATION_FAILED)"));
        assertEquals("https://app.codegen.com/agent/trace/12345", o.getString("webUrl"));
    }

    @Test
    public void theJobTrendReadsEachBuildsSummaryNeverItsLogs() throws Exception {
        CodegenSimulator realistic = simulator("realistic");
        CodegenSimulator passing = simulator("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "trend", "catchError(buildResult: 'FAILURE') { " + step(realistic, 12345, "") + " }\n"
                + step(passing, 1001, ""));
        WorkflowRun b1 = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        WorkflowRun b2 = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        // the trend must not need any report or log file: take them all away
        for (WorkflowRun b : List.of(b1, b2)) {
            for (CodegenRunAction a : actions(b)) {
                Path dir = a.getReportDir();
                for (String f : List.of(ReportFiles.LOGS_NDJSON, ReportFiles.SUMMARY_JSON, CodegenRunAction.FRAGMENT_HTML)) {
                    Files.deleteIfExists(dir.resolve(f));
                }
            }
        }

        CodegenTrendAction trend = p.getAction(CodegenTrendAction.class);
        assertNotNull("the job of a build that watched a run has the trend", trend);
        List<TrendPoint> points = trend.getPoints();
        assertEquals(List.of("#1", "#2"), points.stream().map(TrendPoint::label).toList());
        TrendPoint one = points.get(0);
        assertEquals("two runs in one build add up: 3 failing in the realistic run, none in the passing one", 3, one.failingEntries());
        assertEquals("FAILED", one.verdict());
        assertEquals(Long.valueOf(2), one.errorEntries());
        assertTrue(one.actions() > 34);

        HtmlPage page = j.createWebClient().goTo(p.getUrl() + "codegen-trend/");
        String html = page.getWebResponse().getContentAsString();
        assertThat(html, containsString("<svg"));
        assertThat(html, containsString("Trend over 2 builds, #1 to #2; latest: 3 failing entries, 2 ERROR entries"));
        HtmlPage jobPage = j.createWebClient().goTo(p.getUrl());
        assertThat("the job page shows the trend too", jobPage.getWebResponse().getContentAsString(), containsString("cal-trend-box"));
    }

    @Test
    public void aJobWithoutWatchesHasNoTrend() throws Exception {
        WorkflowJob p = pipeline(j, "plain", "echo 'hello'");
        j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        assertNull(p.getAction(CodegenTrendAction.class));
    }

    @Test
    public void theLoopRuleFailsTheGateWhenAskedAndTheVerdictIsPrintedOnce() throws Exception {
        CodegenSimulator sim = simulator("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        // nothing else fails this gate: no failing type, no run-status rule
        String lenient = "failOn: [], failOnRunStatus: false";
        WorkflowJob loose = pipeline(j, "loose", step(sim, 12345, lenient));
        WorkflowRun passed = j.assertBuildStatusSuccess(loose.scheduleBuild2(0));
        String log = JenkinsRule.getLog(passed);
        assertEquals(log, 1, occurrences(log, "Verdict: PASSED"));

        WorkflowJob strict = pipeline(j, "strict", step(sim, 12345, lenient + ", maxIdenticalCalls: 1"));
        WorkflowRun failed = j.assertBuildStatus(Result.FAILURE, strict.scheduleBuild2(0));
        j.assertLogContains("failed the gate: the same run_command call (same input) was made 2 times, more than the 1 allowed", failed);
        String failedLog = JenkinsRule.getLog(failed);
        assertEquals("one verdict line: the step's error", 1, occurrences(failedLog, "failed the gate"));
        assertEquals(0, occurrences(failedLog, "Verdict: "));
        assertEquals("FAILED", actions(failed).get(0).getVerdict());
    }

    @Test
    public void changeToolsNarrowTheAuditTrailAndABadPatternStopsTheStepAtOnce() throws Exception {
        CodegenSimulator sim = simulator("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "changes", step(sim, 12345, "failOn: [], failOnRunStatus: false, changeTools: ['file_edit']"));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        CodegenRunAction a = actions(b).get(0);
        assertEquals("4 file_edit calls and 3 git commands (commit, push, commit and push)", Long.valueOf(7), a.getChanges());
        assertEquals(Long.valueOf(2), a.getFilesChanged());

        WorkflowJob bad = pipeline(j, "bad-changes", step(sim, 12345, "changeTools: ['file_(edit|write)']"));
        WorkflowRun refused = j.assertBuildStatus(Result.FAILURE, bad.scheduleBuild2(0));
        j.assertLogContains("codegenAgentLogs: changeTools: A change-tool pattern is a tool name with * as a wildcard", refused);
        assertTrue("refused before any watch", actions(refused).isEmpty());
    }
}
