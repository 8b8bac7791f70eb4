package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.ORG;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.kohsuke.stapler.verb.POST;

/**
 * Who may point the controller where, and who may see what: the allowlist of API base URLs, and a
 * permission check in every form method and every web method of the build action.
 */
public class CodegenSecurityTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public Simulators simulators = new Simulators();

    private CodegenSimulator simulator() throws Exception {
        return simulators.bundled("passing");
    }

    private static String stepTo(String baseUrl) {
        return "codegenAgentLogs(runId: '1001', orgId: '" + ORG + "', credentialsId: '" + CREDENTIALS_ID
                + "', baseUrl: '" + baseUrl + "', pollInterval: 1)";
    }

    @Test
    public void aStepBaseUrlOutsideTheAllowlistFailsBeforeAnyRequest() throws Exception {
        CodegenSimulator sim = simulator();
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "elsewhere", stepTo(sim.baseUrl()));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("is not one an administrator allowed", b);
        j.assertLogContains("Allowed API base URLs", b);
        assertTrue("the token went nowhere", sim.requests().all().isEmpty());

        CodegenGlobalConfiguration.get().setAllowedBaseUrls("https://api.codegen.com\n# our test server\n" + sim.baseUrl() + "/");
        j.buildAndAssertSuccess(p);
        assertFalse(sim.requests().logsCalls().isEmpty());
    }

    @Test
    public void theGlobalBaseUrlIsAlwaysAllowedAndTheDefaultListIsCodegensApi() throws Exception {
        CodegenGlobalConfiguration global = CodegenGlobalConfiguration.get();
        assertTrue(global.isAllowedBaseUrl("https://api.codegen.com"));
        assertTrue(global.isAllowedBaseUrl("https://API.codegen.com/"));
        assertFalse(global.isAllowedBaseUrl("https://api.codegen.com.evil.example"));
        assertFalse(global.isAllowedBaseUrl("https://api.codegen.com/other"));
        assertFalse(global.isAllowedBaseUrl("http://localhost:8080"));

        CodegenSimulator sim = simulator();
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        global.setBaseUrl(sim.baseUrl());
        assertTrue(global.isAllowedBaseUrl(sim.baseUrl()));
        WorkflowJob p = pipeline(j, "default", "codegenAgentLogs(runId: '1001', orgId: '" + ORG + "', credentialsId: '"
                + CREDENTIALS_ID + "', pollInterval: 1)");
        j.buildAndAssertSuccess(p);
        assertFalse(sim.requests().logsCalls().isEmpty());
    }

    @Test
    public void anInvalidAllowlistIsRefused() {
        CodegenGlobalConfiguration global = CodegenGlobalConfiguration.get();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> global.setAllowedBaseUrls("https://api.codegen.com\nhttp://codegen.example.com"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Line 2: "));
        assertEquals(FormValidation.Kind.ERROR, global.doCheckAllowedBaseUrls("not a url").kind);
        assertEquals(FormValidation.Kind.OK, global.doCheckAllowedBaseUrls("https://a.example\n\nhttps://b.example").kind);
    }

    /** Every form method checks a permission: without it, no validation message and no credential ids. */
    @Test
    public void formMethodsAnswerNothingWithoutPermission() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        WorkflowJob job = pipeline(j, "job", "echo 'x'");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ).everywhere().to("author")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        CodegenGlobalConfiguration global = CodegenGlobalConfiguration.get();
        CodegenAgentLogsStep.DescriptorImpl step = j.jenkins.getDescriptorByType(CodegenAgentLogsStep.DescriptorImpl.class);

        Set<String> tested = new TreeSet<>();
        // global configuration: administrators only
        assertAnswers(tested, "global.doCheckBaseUrl", () -> global.doCheckBaseUrl("http://x.example").kind);
        assertAnswers(tested, "global.doCheckOrgId", () -> global.doCheckOrgId("abc").kind);
        assertAnswers(tested, "global.doCheckAllowedBaseUrls", () -> global.doCheckAllowedBaseUrls("not a url").kind);
        assertAnswers(tested, "global.doCheckCredentialsId", () -> global.doCheckCredentialsId("nope").kind);
        assertListsOnlyFor(tested, "global.doFillCredentialsIdItems", () -> global.doFillCredentialsIdItems(""), "admin");
        // the step's form: whoever may configure the job
        assertAnswersForAuthor(tested, "step.doCheckRunId", () -> step.doCheckRunId(job, "abc").kind);
        assertAnswersForAuthor(tested, "step.doCheckOrgId", () -> step.doCheckOrgId(job, "abc").kind);
        assertAnswersForAuthor(tested, "step.doCheckBaseUrl", () -> step.doCheckBaseUrl(job, "https://evil.example").kind);
        assertAnswersForAuthor(tested, "step.doCheckCredentialsId", () -> step.doCheckCredentialsId(job, "nope").kind);
        assertAnswersForAuthor(tested, "step.doCheckMaxFailures", () -> step.doCheckMaxFailures(job, "-1").kind);
        assertAnswersForAuthor(tested, "step.doCheckPollInterval", () -> step.doCheckPollInterval(job, "0").kind);
        assertAnswersForAuthor(tested, "step.doCheckTimeoutMinutes", () -> step.doCheckTimeoutMinutes(job, "0").kind);
        assertAnswersForAuthor(tested, "step.doCheckFailOn", () -> step.doCheckFailOn(job, "NOT A TYPE!").kind);
        assertAnswersForAuthor(tested, "step.doCheckMaxOutage", () -> step.doCheckMaxOutage(job, "ten").kind);
        assertAnswersForAuthor(tested, "step.doCheckMaxIdenticalCalls", () -> step.doCheckMaxIdenticalCalls(job, "-1").kind);
        assertAnswersForAuthor(tested, "step.doCheckChangeTools", () -> step.doCheckChangeTools(job, "edit file(s)").kind);
        assertListsOnlyFor(tested, "step.doFillCredentialsIdItems", () -> step.doFillCredentialsIdItems(job, ""), "author");
        assertListsOnlyFor(tested, "step.doFillBuildResultItems", () -> step.doFillBuildResultItems(job), "author");

        Set<String> all = new TreeSet<>();
        for (Method m : CodegenGlobalConfiguration.class.getDeclaredMethods()) {
            formMethod(m, "global.", all);
        }
        for (Method m : CodegenAgentLogsStep.DescriptorImpl.class.getDeclaredMethods()) {
            formMethod(m, "step.", all);
        }
        assertEquals("every form method is tested here", all, tested);
    }

    private static void formMethod(Method m, String prefix, Set<String> into) {
        if (m.getName().startsWith("doCheck") || m.getName().startsWith("doFill")) {
            assertTrue(prefix + m.getName() + " answers only POST", m.isAnnotationPresent(POST.class));
            into.add(prefix + m.getName());
        }
    }

    /** Administrators get the real answer (an error for this bad value); others only OK. */
    private static void assertAnswers(Set<String> tested, String name, Callable<FormValidation.Kind> check) throws Exception {
        assertEquals(name + " for admin", FormValidation.Kind.ERROR, as("admin", check));
        assertEquals(name + " for a reader", FormValidation.Kind.OK, as("reader", check));
        tested.add(name);
    }

    private static void assertAnswersForAuthor(Set<String> tested, String name, Callable<FormValidation.Kind> check) throws Exception {
        assertEquals(name + " for the job's author", FormValidation.Kind.ERROR, as("author", check));
        assertEquals(name + " for a reader", FormValidation.Kind.OK, as("reader", check));
        tested.add(name);
    }

    /** {@code allowed} sees real options; a reader sees at most the value they sent. */
    private static void assertListsOnlyFor(Set<String> tested, String name, Callable<ListBoxModel> fill, String allowed) throws Exception {
        assertTrue(name + " for " + allowed, as(allowed, fill).stream().anyMatch(o -> !o.value.isEmpty()));
        assertTrue(name + " for a reader", as("reader", fill).stream().allMatch(o -> o.value.isEmpty()));
        tested.add(name);
    }

    private static <T> T as(String user, Callable<T> call) throws Exception {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return call.call();
        }
    }

    /** The build action's downloads need Item.READ on the job, like its console. */
    @Test
    public void theBuildActionsWebMethodsCheckReadPermission() throws Exception {
        CodegenSimulator sim = simulator();
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "secret-job", CodegenTestSupport.step(sim, 1001, ""));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        String action = b.getUrl() + actions(b).get(0).getUrlName();

        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ).everywhere().to("stranger"));

        Set<String> webMethods = new TreeSet<>();
        for (Method m : CodegenRunAction.class.getDeclaredMethods()) {
            if (m.getName().startsWith("do") && java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                webMethods.add(m.getName());
            }
        }
        assertEquals("every web method is tested here", Set.of("doLogs", "doSummaryJson"), webMethods);
        for (String path : List.of("/logs", "/summaryJson")) {
            JenkinsRule.WebClient reader = j.createWebClient().login("reader");
            Page ok = reader.goTo(action + path, null);
            assertEquals(path + " for a reader", 200, ok.getWebResponse().getStatusCode());

            JenkinsRule.WebClient stranger = j.createWebClient().login("stranger").withThrowExceptionOnFailingStatusCode(false);
            int status = stranger.goTo(action + path, null).getWebResponse().getStatusCode();
            assertTrue(path + " for someone who cannot read the job: " + status, status == 403 || status == 404);

            // anonymous users without Overall/Read are sent to the login page instead
            JenkinsRule.WebClient anonymous = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
            Page page = anonymous.goTo(action + path, null);
            status = page.getWebResponse().getStatusCode();
            String landed = page.getUrl().toString();
            assertTrue(path + " for anonymous: " + status + " at " + landed,
                    status == 403 || status == 404 || landed.contains("login"));
            assertFalse(path + " for anonymous: the file itself", page.getWebResponse().getContentAsString().contains("agent_run_id"));
        }
    }

    /** The token, echoed by the agent and the server, is in no file of the build: build.xml, program.dat, the log, the report. */
    @Test
    public void theTokenIsInNoFileOfTheBuild() throws Exception {
        String token = "cg-Jenkins/Token+=" + Long.toHexString(System.nanoTime());
        String quoted = new com.google.gson.JsonPrimitive(token).toString();
        CodegenSimulator sim = simulators.start(Scenario.fromJson("{\"tokens\": [" + quoted + "], \"runs\": [{\"id\": 5151, "
                + "\"organization_id\": " + ORG + ", \"status\": \"COMPLETE\", \"result\": " + new com.google.gson.JsonPrimitive("result " + token)
                + ", \"logs\": [{\"message_type\": \"ERROR\", \"thought\": " + new com.google.gson.JsonPrimitive("env: TOKEN=" + token)
                + ", \"observation\": " + new com.google.gson.JsonPrimitive("Bearer " + token) + "}]}]}"));
        addToken(CREDENTIALS_ID, token);
        WorkflowJob p = pipeline(j, "token-job", "codegenAgentLogs(runId: '5151', orgId: '" + ORG + "', credentialsId: '"
                + CREDENTIALS_ID + "', baseUrl: '" + CodegenTestSupport.allowed(sim) + "', pollInterval: 1, buildResult: 'UNSTABLE')");
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        assertFalse("the watch ran", sim.requests().logsCalls().isEmpty());
        List<String> forms = List.of(token, java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                token.replace("/", "\\/"), token.replace("=", "\\u003d"));
        List<String> leaks = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(p.getRootDir().toPath())) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                String text = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                forms.stream().filter(text::contains).forEach(form -> leaks.add(f + " holds " + form));
            }
        }
        String log = JenkinsRule.getLog(b);
        forms.stream().filter(log::contains).forEach(form -> leaks.add("the build log holds " + form));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            forms.stream().filter(t.getName()::contains).forEach(form -> leaks.add("thread " + t.getName()));
        }
        assertEquals("the token leaked", List.of(), leaks);
    }
}
