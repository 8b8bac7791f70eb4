package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsStepContext;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;

/** Issue 6 in Jenkins: usable credentials only, one completion per step, outage and fail-fast settings, failOn checks. */
public class CodegenResilienceTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    /** CpsStepContext logs (at FINE) every completion that comes after the first. */
    @Rule
    public LoggerRule completions = new LoggerRule().record(CpsStepContext.class, Level.FINE).capture(200);

    private CodegenSimulator sim;

    @BeforeClass
    public static void sharedSetup() {
        CodegenTestSupport.init();
    }

    @After
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    public void systemScopedCredentialsAreNeverOffered() throws Exception {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "usable", "for builds", Secret.fromString("a")));
        provider.getCredentials().add(new StringCredentialsImpl(CredentialsScope.SYSTEM, "system-only", "for Jenkins itself",
                Secret.fromString("b")));
        provider.save();
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        CodegenAgentLogsStep.DescriptorImpl d = j.jenkins.getDescriptorByType(CodegenAgentLogsStep.DescriptorImpl.class);

        List<String> forTheStep = values(d.doFillCredentialsIdItems(p, ""));
        assertThat(forTheStep, hasItem("usable"));
        assertThat(forTheStep, not(hasItem("system-only")));
        List<String> forTheDefault = values(CodegenGlobalConfiguration.get().doFillCredentialsIdItems(""));
        assertThat(forTheDefault, hasItem("usable"));
        assertThat("a default a build can never use is no default", forTheDefault, not(hasItem("system-only")));
        assertEquals(FormValidation.Kind.ERROR, d.doCheckCredentialsId(p, "system-only").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckCredentialsId(p, "usable").kind);
    }

    @Test
    public void aStepCompletesOnceEvenWhenStopComesAfterItsEnd() throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\": [\"sim-token\"], \"runs\": [{\"id\": 9009, "
                + "\"organization_id\": 67890, \"status\": \"RUNNING\", \"logs\": [{\"message_type\": \"ACTION\", "
                + "\"thought\": \"once-probe\"}]}]}"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "once", step(sim, 9009, ""));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("once-probe", b);
        List<StepExecution> running = b.getExecution().getCurrentExecutions(true).get();
        assertEquals(1, running.size());
        StepExecution execution = running.get(0);

        sim.run(9009).setStatus("COMPLETE");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        // a stop that arrives once the step has ended (an abort racing the end) must not complete it again
        execution.stop(new InterruptedException("late stop"));
        assertThat(completions.getMessages().toString(), not(containsString("already completed")));
    }

    @Test
    public void aStopBeforeTheEndCompletesTheStepOnlyOnce() throws Exception {
        sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\": [\"sim-token\"], \"runs\": [{\"id\": 9010, "
                + "\"organization_id\": 67890, \"status\": \"RUNNING\", \"logs\": [{\"message_type\": \"ACTION\", "
                + "\"thought\": \"stop-probe\"}]}]}"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "stopped", step(sim, 9010, ""));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("stop-probe", b);
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        // the cancelled watch still writes its report, on the pool, after stop() completed the step
        CodegenRunAction action = CodegenTestSupport.actions(b).get(0);
        long until = System.nanoTime() + 10_000_000_000L;
        while (!action.isFinished() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue("the report of the cancelled watch was written", action.isFinished());
        assertThat(completions.getMessages().toString(), not(containsString("already completed")));
    }

    @Test
    public void maxOutageAndFailFastRoundTripAndAreChecked() throws Exception {
        CodegenAgentLogsStep before = new CodegenAgentLogsStep("12345");
        before.setOrgId("67890");
        before.setMaxOutage("90s");
        before.setFailFast(true);
        before.setFailOn(List.of("ERROR", "custom:TOOL_APPROVAL_REQUEST"));
        CodegenAgentLogsStep after = new StepConfigTester(j).configRoundTrip(before);
        j.assertEqualDataBoundBeans(before, after);

        CodegenAgentLogsStep.DescriptorImpl d = j.jenkins.getDescriptorByType(CodegenAgentLogsStep.DescriptorImpl.class);
        FormValidation typo = d.doCheckFailOn(null, "ERROR, EROR");
        assertEquals(FormValidation.Kind.ERROR, typo.kind);
        assertThat(typo.getMessage(), containsString("did you mean ERROR?"));
        assertEquals(FormValidation.Kind.OK, d.doCheckFailOn(null, "error, custom:TOOL_APPROVAL_REQUEST").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckMaxOutage(null, "10").kind);
        // (FormValidation escapes the message for HTML)
        assertThat(d.doCheckMaxOutage(null, "10").getMessage(), containsString("for minutes"));
        assertEquals(FormValidation.Kind.OK, d.doCheckMaxOutage(null, "15m").kind);
    }

    @Test
    public void aTypoInFailOnStopsTheStepBeforeAnyRequest() throws Exception {
        sim = CodegenSimulator.start(Scenario.bundled("passing"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "typo", step(sim, 1001, "failOn: ['EROR']"));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("failOn: 'EROR' is not a Codegen message type: did you mean ERROR?", b);
        assertTrue(sim.requests().all().isEmpty());
    }

    private static List<String> values(ListBoxModel model) {
        List<String> out = new ArrayList<>();
        for (ListBoxModel.Option o : model) {
            out.add(o.value);
        }
        return out;
    }
}
