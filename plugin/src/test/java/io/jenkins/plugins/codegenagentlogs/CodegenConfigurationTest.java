package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Snippet Generator, global configuration and form-filling methods. */
public class CodegenConfigurationTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void snippetGeneratorRoundTrip() throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        CodegenAgentLogsStep minimal = new CodegenAgentLogsStep("12345");
        st.assertRoundTrip(minimal, "codegenAgentLogs '12345'");

        CodegenAgentLogsStep full = new CodegenAgentLogsStep("12345");
        full.setOrgId("67890");
        full.setCredentialsId(CREDENTIALS_ID);
        full.setBaseUrl("https://api.codegen.com");
        full.setFailOn(List.of("error", "PR_CREATION_FAILED", "FIX_PR_ERRORS"));
        full.setFailOnRunStatus(false);
        full.setMaxFailures(2);
        full.setBuildResult("unstable");
        full.setPollInterval(15);
        full.setTimeoutMinutes(90);
        st.assertRoundTrip(full, "codegenAgentLogs baseUrl: 'https://api.codegen.com', buildResult: 'UNSTABLE', "
                + "credentialsId: '" + CREDENTIALS_ID + "', failOn: ['ERROR', 'PR_CREATION_FAILED', 'FIX_PR_ERRORS'], "
                + "failOnRunStatus: false, maxFailures: 2, orgId: '67890', pollInterval: 15, runId: '12345', timeoutMinutes: 90");
        SnippetizerTester.assertDocGeneration(CodegenAgentLogsStep.class);
    }

    @Test
    public void stepFormRoundTrip() throws Exception {
        addToken(CREDENTIALS_ID, "token");
        CodegenAgentLogsStep before = new CodegenAgentLogsStep("12345");
        before.setOrgId("67890");
        before.setCredentialsId(CREDENTIALS_ID);
        before.setFailOn(List.of("ERROR", "FIX_PR_ERRORS"));
        before.setFailOnRunStatus(false);
        before.setMaxFailures(1);
        before.setBuildResult("UNSTABLE");
        before.setPollInterval(5);
        before.setTimeoutMinutes(30);
        CodegenAgentLogsStep after = new StepConfigTester(j).configRoundTrip(before);
        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getFailOn(), contains("ERROR", "FIX_PR_ERRORS"));

        CodegenAgentLogsStep defaults = new StepConfigTester(j).configRoundTrip(new CodegenAgentLogsStep("42"));
        j.assertEqualDataBoundBeans(new CodegenAgentLogsStep("42"), defaults);
        assertThat(defaults.getFailOn(), contains("ERROR", "PR_CREATION_FAILED"));
    }

    @Test
    public void globalConfigurationRoundTrip() throws Exception {
        addToken(CREDENTIALS_ID, "token");
        CodegenGlobalConfiguration config = CodegenGlobalConfiguration.get();
        config.setBaseUrl("https://codegen.internal.example");
        config.setOrgId("67890");
        config.setCredentialsId(CREDENTIALS_ID);
        j.configRoundtrip();
        config = CodegenGlobalConfiguration.get();
        assertEquals("https://codegen.internal.example", config.getBaseUrl());
        assertEquals("67890", config.getOrgId());
        assertEquals(CREDENTIALS_ID, config.getCredentialsId());

        // persisted: a fresh instance reads the same values back
        CodegenGlobalConfiguration reloaded = new CodegenGlobalConfiguration();
        assertEquals("67890", reloaded.getOrgId());
        assertEquals(CREDENTIALS_ID, reloaded.getCredentialsId());

        config.setBaseUrl("");
        assertNull(config.getBaseUrl());
        assertEquals("https://api.codegen.com", config.getEffectiveBaseUrl());

        // Configuration as Code finds it by its symbol
        assertThat(SymbolLookup.getSymbolValue(CodegenGlobalConfiguration.class), hasItem("codegenAgentLogs"));
    }

    @Test
    public void formChecks() {
        CodegenGlobalConfiguration config = CodegenGlobalConfiguration.get();
        assertEquals(FormValidation.Kind.OK, config.doCheckBaseUrl("https://api.codegen.com").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckBaseUrl("http://127.0.0.1:8080").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckBaseUrl("http://codegen.example.com").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckOrgId("abc").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckOrgId("67890").kind);

        CodegenAgentLogsStep.DescriptorImpl d = j.jenkins.getDescriptorByType(CodegenAgentLogsStep.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckRunId(null, "-1").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckRunId(null, "12345").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckPollInterval(null, "0").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckMaxFailures(null, "x").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckTimeoutMinutes(null, "60").kind);
    }

    @Test
    public void credentialsListNeedsPermission() throws Exception {
        addToken(CREDENTIALS_ID, "token");
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ).everywhere().to("dev"));
        CodegenAgentLogsStep.DescriptorImpl d = j.jenkins.getDescriptorByType(CodegenAgentLogsStep.DescriptorImpl.class);
        CodegenGlobalConfiguration global = CodegenGlobalConfiguration.get();

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(values(d.doFillCredentialsIdItems(p, "")), not(hasItem(CREDENTIALS_ID)));
            assertThat(values(global.doFillCredentialsIdItems("")), not(hasItem(CREDENTIALS_ID)));
            assertEquals(FormValidation.Kind.OK, d.doCheckCredentialsId(p, "anything").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("dev", true).impersonate2())) {
            assertThat(values(d.doFillCredentialsIdItems(p, "")), hasItem(CREDENTIALS_ID));
            assertThat(values(global.doFillCredentialsIdItems("")), not(hasItem(CREDENTIALS_ID)));
            assertEquals(FormValidation.Kind.ERROR, d.doCheckCredentialsId(p, "no-such-credential").kind);
            assertEquals(FormValidation.Kind.OK, d.doCheckCredentialsId(p, CREDENTIALS_ID).kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertThat(values(global.doFillCredentialsIdItems("")), hasItem(CREDENTIALS_ID));
        }
        // the current value is always kept, so that saving a form does not lose it
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(values(d.doFillCredentialsIdItems(p, "kept")), hasItem("kept"));
        }
    }

    @Test
    public void noSecretInTheExecutionState() {
        // The execution's persisted fields hold ids, the policy and the cursor, never the token.
        for (java.lang.reflect.Field f : CodegenAgentLogsExecution.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isTransient(f.getModifiers())
                    && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                assertFalse(f.getName(), io.codegenagentlogs.core.api.ApiToken.class.isAssignableFrom(f.getType()));
                assertFalse(f.getName(), io.codegenagentlogs.core.api.CodegenApiClient.class.isAssignableFrom(f.getType()));
            }
        }
        assertTrue(java.io.Serializable.class.isAssignableFrom(CodegenAgentLogsExecution.Settings.class));
    }

    private static List<String> values(ListBoxModel model) {
        List<String> out = new ArrayList<>();
        for (ListBoxModel.Option o : model) {
            out.add(o.value);
        }
        return out;
    }
}
