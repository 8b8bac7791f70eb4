package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.allowed;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.occurrences;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.nodes.StepAtomNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The step end to end, against the Codegen API simulator. */
public class CodegenAgentLogsStepTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public Simulators simulators = new Simulators();

    @Test
    public void passingRunSucceedsStreamsEntriesAndReturnsTheMap() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "passing", "def r = " + step(sim, 1001, "") + "\n"
                + "echo \"verdict=${r.verdict} passed=${r.passed} status=${r.status} failures=${r.failures} "
                + "finalAnswers=${r.counts.FINAL_ANSWER} logs=${r.logsFetched} url=${r.webUrl}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("Codegen agent logs: watching agent run 1001 in organization 67890", b);
        j.assertLogContains("Codegen agent logs: report for agent run 1001", b);
        j.assertLogContains("verdict=PASSED passed=true status=COMPLETE failures=0 finalAnswers=1 logs=25 "
                + "url=https://app.codegen.com/agent/trace/1001", b);
        String log = JenkinsRule.getLog(b);
        // one readable line per entry, each exactly once
        assertEquals(1, occurrences(log, "Locate the report command."));
        assertEquals(1, occurrences(log, "Added `--json` to `report` with a test and README note"));
        assertThat(log, containsString("ripgrep_search"));
        // the trace page is printed as a console link
        assertThat(log, containsString("Codegen trace: https://app.codegen.com/agent/trace/1001"));
        // the requests went to the simulator with the credential's token
        assertFalse(sim.requests().logsCalls().isEmpty());
    }

    @Test
    public void errorEntryFailsTheBuildWithTheReasons() throws Exception {
        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "failing", step(sim, 12345, "") + "\necho 'not reached'");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        assertNull("a failed step is an error, not a warning", stepNode(b).getPersistentAction(WarningAction.class));

        // the scenario logs 2 ERROR and 1 PR_CREATION_FAILED entries, both failing types by default
        j.assertLogContains("Codegen agent run 12345 failed the gate: 3 failing entries (", b);
        j.assertLogContains("), 0 tolerated", b);
        j.assertLogNotContains("not reached", b);
        CodegenRunAction a = actions(b).get(0);
        assertEquals("FAILED", a.getVerdict());
        assertEquals(3, a.getFailures());
        assertEquals(Long.valueOf(2), a.getCounts().get("ERROR"));
        assertEquals(Long.valueOf(1), a.getCounts().get("PR_CREATION_FAILED"));
    }

    @Test
    public void unstableModeMarksTheBuildAndContinues() throws Exception {
        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "unstable", "def r = " + step(sim, 12345, "buildResult: 'UNSTABLE'") + "\n"
                + "echo \"continued after the gate: ${r.verdict}, ${r.failures} failing, errors ${r.counts.ERROR}\"");
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));

        j.assertLogContains("failed the gate", b);
        j.assertLogContains("Marking the build UNSTABLE", b);
        j.assertLogContains("continued after the gate: FAILED", b);
        // stage views and Blue Ocean show the step itself as unstable, with the reason
        WarningAction warning = stepNode(b).getPersistentAction(WarningAction.class);
        assertNotNull("the step's node carries a WarningAction", warning);
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertThat(warning.getMessage(), containsString("Codegen agent run 12345 failed the gate: 3 failing entries"));
    }

    @Test
    public void toleratedFailuresPass() throws Exception {
        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        // the same run as above (3 failing entries), with 3 of them tolerated
        WorkflowJob p = pipeline(j, "tolerant", "def r = " + step(sim, 12345, "maxFailures: 3") + "\n"
                + "echo \"verdict=${r.verdict} failures=${r.failures}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("verdict=PASSED failures=3", b);
        assertEquals("PASSED", actions(b).get(0).getVerdict());
    }

    @Test
    public void emptyFailOnWithoutRunStatusPasses() throws Exception {
        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "nothing-fails", "def r = " + step(sim, 12345, "failOn: [], failOnRunStatus: false") + "\n"
                + "echo \"verdict=${r.verdict} failures=${r.failures}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("verdict=PASSED failures=0", b);
    }

    @Test
    public void missingCredentialFailsWithAClearMessage() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        WorkflowJob p = pipeline(j, "missing", step(sim, 1001, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("The Codegen API credential '" + CREDENTIALS_ID + "' was not found", b);
        assertTrue("no request without a token", sim.requests().all().isEmpty());
    }

    @Test
    public void noCredentialAnywhereFailsWithAClearMessage() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        WorkflowJob p = pipeline(j, "none",
                "codegenAgentLogs(runId: '1001', orgId: '67890', baseUrl: '" + allowed(sim) + "')");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("No Codegen API credential", b);
        j.assertLogContains(CodegenCredentials.WHERE_TO_CONFIGURE, b);
    }

    @Test
    public void wrongTokenFailsWithTheApiMessage() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, "not-the-sim-token");
        WorkflowJob p = pipeline(j, "wrong", step(sim, 1001, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Codegen agent run 1001 could not be checked", b);
        // as Codegen answers a token it does not know: 401, and advice about the token, not about membership
        j.assertLogContains("The Codegen API did not accept the token (HTTP 401)", b);
        j.assertLogContains("To fix: check the token", b);
        j.assertLogNotContains("belongs to the organization", b);
        j.assertLogNotContains("not-the-sim-token", b);
        assertEquals("ERROR", actions(b).get(0).getVerdict());
    }

    @Test
    public void invalidParametersFailBeforeAnyRequest() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "invalid", "codegenAgentLogs(runId: 'abc', orgId: '67890', credentialsId: '"
                + CREDENTIALS_ID + "', baseUrl: '" + allowed(sim) + "')");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("run id (runId) must be a positive integer", b);

        b = failingRun(p, step(sim, 1001, "buildResult: 'SOMETIMES'"));
        j.assertLogContains("buildResult must be 'FAILURE' or 'UNSTABLE'", b);

        b = failingRun(p, "codegenAgentLogs(runId: '1001', orgId: '67890', credentialsId: '" + CREDENTIALS_ID
                + "', baseUrl: 'http://codegen.example.com')");
        j.assertLogContains("uses plain http", b);
        assertTrue(sim.requests().all().isEmpty());
    }

    @Test
    public void idsMayBeWrittenAsGroovyNumbers() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "numbers", "def r = codegenAgentLogs(runId: 1001, orgId: 67890, credentialsId: '"
                + CREDENTIALS_ID + "', baseUrl: '" + allowed(sim) + "', pollInterval: 1)\necho \"verdict=${r.verdict}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("verdict=PASSED", b);
        assertFalse(sim.requests().logsCalls().isEmpty());
        assertTrue(sim.requests().logsCalls().stream().allMatch(call -> call.path().contains("/organizations/67890/agent/run/1001/")));

        // A fraction is not an id: it fails with the validation message, not a cast error.
        b = failingRun(p, "codegenAgentLogs(runId: 10.5, orgId: 67890, credentialsId: '" + CREDENTIALS_ID + "')");
        j.assertLogContains("run id (runId) must be a positive integer", b);
    }

    @Test
    public void aWatchThatBreaksAfterItStartedLeavesNoSpinnerOnTheBuildPage() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = j.createProject(WorkflowJob.class, "report-dir-blocked");
        // A file stands where the reports folder goes: the session cannot open once the action is attached.
        p.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition("new File(currentBuild.rawBuild.rootDir, '"
                + CodegenAgentLogsExecution.REPORTS_DIR + "').text = 'in the way'\n" + step(sim, 1001, ""), false));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        List<CodegenRunAction> attached = actions(b);
        assertEquals(1, attached.size());
        assertEquals("ERROR", attached.get(0).getVerdict());
        assertTrue(sim.requests().all().isEmpty());
    }

    /** The flow node of the (only) codegenAgentLogs step of the build. */
    private static FlowNode stepNode(WorkflowRun b) {
        FlowNode node = new DepthFirstScanner().findFirstMatch(b.getExecution(), n -> n instanceof StepAtomNode s
                && s.getDescriptor() instanceof CodegenAgentLogsStep.DescriptorImpl);
        assertNotNull("no codegenAgentLogs node in " + b, node);
        return node;
    }

    /** Gives {@code p} a new script and runs it, expecting the build to fail. */
    private WorkflowRun failingRun(WorkflowJob p, String script) throws Exception {
        p.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(script, true));
        return j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
    }

    @Test
    public void globalDefaultsApply() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        CodegenGlobalConfiguration global = CodegenGlobalConfiguration.get();
        global.setBaseUrl(sim.baseUrl());
        global.setOrgId("67890");
        global.setCredentialsId(CREDENTIALS_ID);
        WorkflowJob p = pipeline(j, "defaults", "codegenAgentLogs runId: '1001', pollInterval: 1");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        assertEquals("PASSED", actions(b).get(0).getVerdict());
    }

    @Test
    public void actionSummaryPageAndDownload() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "report", step(sim, 1001, ""));
        WorkflowRun b = j.buildAndAssertSuccess(p);

        List<CodegenRunAction> all = actions(b);
        assertEquals(1, all.size());
        CodegenRunAction a = all.get(0);
        assertEquals(1001, a.getAgentRunId());
        assertEquals("PASSED", a.getVerdict());
        assertEquals("COMPLETE", a.getStatus());
        assertEquals(Long.valueOf(1), a.getCounts().get("FINAL_ANSWER"));
        assertEquals(25, a.getLogsFetched());
        assertEquals("https://app.codegen.com/agent/trace/1001", a.getWebUrl());

        // large data lives in files under the build directory, not in build.xml
        Path dir = a.getReportDir();
        for (String f : List.of(ReportFiles.LOGS_NDJSON, ReportFiles.SUMMARY_JSON, ReportFiles.REPORT_HTML,
                ReportFiles.JUNIT_XML, CodegenRunAction.FRAGMENT_HTML)) {
            assertTrue(f, Files.isRegularFile(dir.resolve(f)));
        }
        String buildXml = Files.readString(b.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertThat(buildXml, containsString("CodegenRunAction"));
        assertThat(buildXml, not(containsString("Locate the report command.")));

        JenkinsRule.WebClient wc = j.createWebClient();
        List<String> alerts = new ArrayList<>();
        wc.setAlertHandler((page, message) -> alerts.add(message));

        HtmlPage buildPage = wc.getPage(b);
        assertThat(buildPage.asNormalizedText(), containsString("Codegen agent run 1001"));
        assertThat(buildPage.asNormalizedText(), containsString("gate passed"));

        HtmlPage reportPage = wc.getPage(b, a.getUrlName() + "/");
        String text = reportPage.asNormalizedText();
        assertThat(text, containsString("Codegen agent run 1001"));
        assertThat(text, containsString("PR #77 is open and green"));
        assertThat(alerts, empty());

        Page logs = wc.goTo(b.getUrl() + a.getUrlName() + "/logs", "application/x-ndjson");
        String ndjson = logs.getWebResponse().getContentAsString();
        assertEquals(25, ndjson.lines().count());
        assertThat(logs.getWebResponse().getResponseHeaderValue("Content-Disposition"), containsString("attachment"));

        Page summary = wc.goTo(b.getUrl() + a.getUrlName() + "/summaryJson", "application/json");
        assertEquals(Files.readString(dir.resolve(ReportFiles.SUMMARY_JSON), StandardCharsets.UTF_8),
                summary.getWebResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(summary.getWebResponse().getResponseHeaderValue("Content-Disposition"),
                containsString("codegen-run-1001-summary.json"));
        assertEquals("PASSED", JSONObject.fromObject(summary.getWebResponse().getContentAsString()).getString("verdict"));
    }

    @Test
    public void hostileAgentTextIsEscapedEverywhere() throws Exception {
        CodegenSimulator sim = simulators.bundled("hostile");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "hostile", step(sim, 666, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        String log = JenkinsRule.getLog(b);
        assertFalse("no escape sequence from the agent reaches the console", log.contains("\u001b"));
        assertFalse("the javascript: web_url is not linked", log.contains("Codegen trace:"));

        CodegenRunAction a = actions(b).get(0);
        assertNull(a.getWebUrl());

        JenkinsRule.WebClient wc = j.createWebClient();
        List<String> alerts = new ArrayList<>();
        wc.setAlertHandler((page, message) -> alerts.add(message));
        for (HtmlPage page : List.of(wc.getPage(b), wc.getPage(b, a.getUrlName() + "/"))) {
            String html = page.getWebResponse().getContentAsString().toLowerCase(Locale.ROOT);
            assertFalse(html.contains("<script>alert("));
            assertFalse(html.contains("<script>document.location"));
            assertFalse(html.contains("<iframe src=\"https://evil"));
            assertFalse(html.contains("<b>action</b>"));
            assertFalse(html.contains("onerror=alert(1)>"));
            for (HtmlAnchor anchor : page.getAnchors()) {
                assertFalse(anchor.getHrefAttribute(),
                        anchor.getHrefAttribute().trim().toLowerCase(Locale.ROOT).startsWith("javascript:"));
            }
        }
        HtmlPage reportPage = wc.getPage(b, a.getUrlName() + "/");
        assertThat("agent markup is shown as text", reportPage.asNormalizedText(), containsString("<script>"));
        assertThat(alerts, empty());
    }

    @Test
    public void severalRunsInOneBuild() throws Exception {
        CodegenSimulator passing = simulators.bundled("passing");
        CodegenSimulator realistic = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "several", "def a = " + step(passing, 1001, "") + "\n"
                + "def b = " + step(realistic, 12345, "buildResult: 'UNSTABLE'") + "\n"
                + "echo \"a=${a.verdict} b=${b.verdict}\"");
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        j.assertLogContains("a=PASSED b=FAILED", b);
        List<CodegenRunAction> all = actions(b);
        assertEquals(2, all.size());
        assertFalse(all.get(0).getUrlName().equals(all.get(1).getUrlName()));
    }

    @Test
    public void stopCancelsPromptly() throws Exception {
        CodegenSimulator sim = simulators.start(Scenario.fromJson("{\"tokens\": [\"sim-token\"], \"runs\": [{"
                + "\"id\": 8008, \"organization_id\": 67890, \"status\": \"RUNNING\", \"logs\": ["
                + "{\"message_type\": \"ACTION\", \"tool_name\": \"file_view\", \"thought\": \"stop-probe-one\"},"
                + "{\"message_type\": \"ACTION\", \"tool_name\": \"file_view\", \"thought\": \"stop-probe-two\"}]}]}"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "stop", step(sim, 8008, ""));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("stop-probe-two", b);
        // what the Pipeline Steps and thread dump pages show for the waiting step
        List<StepExecution> running = b.getExecution().getCurrentExecutions(true).get();
        assertEquals(1, running.size());
        assertEquals("Codegen agent run 8008: status RUNNING, 2 of 2 log entries fetched", running.get(0).getStatus());
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));

        int requests = sim.requests().count();
        // pollInterval is 1 s: a watch still polling would make 2 more requests well within 3 s
        assertFalse("no more polling after stop", sim.requests().awaitCount(requests + 2, Duration.ofSeconds(3)));
        // stop() completed the step at once: no verdict, no gate failure of our own on top of the abort
        j.assertLogNotContains("Codegen agent logs: report for agent run", b);
        j.assertLogNotContains("could not be checked", b);
        assertEquals(1, actions(b).size());
    }
}
