package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.ORG;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.codegenagentlogs.core.api.AgentRunCreator;
import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CancelSignal;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.CreatedRun;
import io.codegenagentlogs.simulator.Scenario;
import java.util.ArrayList;
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

    /**
     * Builds waiting for a creation slot hold no scheduler thread: with Codegen's ten creations a
     * minute spent, three builds wait for theirs while a build that gates an existing run goes
     * through at once. (Were the creations sleeping on the pool's three step threads, that build
     * would wait the minute out, and by then the creations would have been sent.)
     */
    @Test
    public void buildsWaitingForACreationSlotHoldNoThread() throws Exception {
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        CodegenApiClient client = CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(SIM_TOKEN)).build();
        AgentRunCreator creator = new AgentRunCreator(client);
        int spent = AgentRunCreator.CREATE_LIMIT.requests();
        for (int i = 0; i < spent; i++) {
            creator.create(ORG, "spend this minute's creations " + i, null, new CancelSignal());
        }
        List<WorkflowRun> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WorkflowRun b = pipeline(j, "waiting-" + i, step("prompt: 'later " + i + "'")).scheduleBuild2(0).waitForStart();
            j.waitForMessage("Codegen agent logs: creating an agent run", b);
            waiting.add(b);
        }
        WorkflowRun gated = j.buildAndAssertSuccess(pipeline(j, "gate", step("runId: '1001'")));
        j.assertLogContains("Verdict: PASSED", gated);
        assertEquals("no creation was sent before its slot", spent, sim.createdRuns().size());
        for (WorkflowRun b : waiting) {
            assertTrue(b.isBuilding());
            b.doStop();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogNotContains("created agent run", b);
        }
        assertEquals("a build stopped while waiting sends nothing", spent, sim.createdRuns().size());
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
