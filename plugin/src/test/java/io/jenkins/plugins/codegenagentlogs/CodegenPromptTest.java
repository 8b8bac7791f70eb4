package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.ORG;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static org.junit.Assert.assertEquals;

import hudson.model.Result;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.CreatedRun;
import io.codegenagentlogs.simulator.Scenario;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** {@code prompt:}: the step creates the run (once) through the simulator, then gates it like any other. */
public class CodegenPromptTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    private CodegenSimulator sim;

    @BeforeClass
    public static void sharedSetup() {
        CodegenTestSupport.init();
    }

    @Before
    public void start() throws Exception {
        sim = CodegenSimulator.start(Scenario.bundled("passing"));
    }

    @After
    public void stop() {
        sim.close();
    }

    private String step(String args) {
        return "codegenAgentLogs(" + args + ", orgId: '" + ORG + "', credentialsId: '" + CREDENTIALS_ID + "', baseUrl: '"
                + CodegenTestSupport.allowed(sim) + "', pollInterval: 1)";
    }

    @Test
    public void aPromptCreatesTheRunThenTheStepGatesIt() throws Exception {
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "prompt", "def r = " + step("prompt: 'Fix the flaky test', repoId: 42") + "\n"
                + "echo \"verdict=${r.verdict} run=${r.runId}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        List<CreatedRun> created = sim.createdRuns();
        assertEquals(List.of(new CreatedRun(ORG, "Fix the flaky test", 42L, 1002)), created);
        j.assertLogContains("Codegen agent logs: creating an agent run in organization 67890, repository 42", b);
        j.assertLogContains("Codegen agent logs: created agent run 1002", b);
        j.assertLogContains("verdict=PASSED run=1002", b);
    }

    @Test
    public void runIdAndPromptTogetherAreRefusedBeforeAnyRequest() throws Exception {
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "both", step("runId: '1001', prompt: 'x'"));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("give runId (gate a run) or prompt (create a run, then gate it), not both", b);
        assertEquals(0, sim.requests().all().size());
    }

    @Test
    public void aRefusedCreationFailsTheStepWithWhatToDo() throws Exception {
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        sim.refuseCreations(402);
        WorkflowJob p = pipeline(j, "refused", step("prompt: 'x'"));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Codegen refused to start a run (payment required)", b);
        j.assertLogContains("To fix: add credits", b);
        assertEquals(List.of(), sim.createdRuns());
    }
}
