package io.jenkins.plugins.codegenagentlogs;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Descriptor;
import hudson.util.Secret;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Fixtures shared by the plugin tests: the simulator stands in for the Codegen API. */
final class CodegenTestSupport {
    /** The token every bundled simulator scenario accepts. */
    static final String SIM_TOKEN = "sim-token";
    static final String CREDENTIALS_ID = "codegen-token";
    static final long ORG = 67890;

    static {
        // All tests share one JVM and one rate limiter per token: do not let Codegen's 60/min slow them down.
        System.setProperty(CodegenAgentLogsExecution.RATE_LIMIT_PROPERTY, "1000/1s");
    }

    private CodegenTestSupport() {
    }

    /** Makes sure the static initializer ran before any watch starts. */
    static void init() {
        // see the static block
    }

    static void addToken(String id, String token) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "Codegen API token",
                Secret.fromString(token)));
        provider.save();
    }

    /**
     * A {@code codegenAgentLogs(...)} call against the simulator; extra arguments are appended verbatim.
     * Call it while Jenkins runs: it adds the simulator to the allowed API base URLs, as an administrator would.
     */
    static String step(CodegenSimulator sim, long runId, String extra) {
        return "codegenAgentLogs(runId: '" + runId + "', orgId: '" + ORG + "', credentialsId: '" + CREDENTIALS_ID
                + "', baseUrl: '" + allowed(sim) + "', pollInterval: 1" + (extra.isEmpty() ? "" : ", " + extra) + ")";
    }

    /** The simulator's base URL, added to the global configuration's allowed API base URLs. */
    static String allowed(CodegenSimulator sim) {
        CodegenGlobalConfiguration global = CodegenGlobalConfiguration.get();
        String list = global.getAllowedBaseUrls();
        if (!global.isAllowedBaseUrl(sim.baseUrl())) {
            global.setAllowedBaseUrls((list == null ? "https://api.codegen.com" : list) + "\n" + sim.baseUrl());
        }
        return sim.baseUrl();
    }

    /** A Pipeline job running {@code script} in the Groovy sandbox. */
    static WorkflowJob pipeline(JenkinsRule j, String name, String script) throws IOException, Descriptor.FormException {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    static List<CodegenRunAction> actions(WorkflowRun b) {
        return b.getActions(CodegenRunAction.class);
    }

    static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
