package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import hudson.model.Item;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The form methods as a browser calls them: over HTTP, POST with a crumb, as users with and without
 * the permissions that let them see credentials or validate a configuration.
 */
public class CodegenFormHttpTest {
    private static final String STEP = "descriptorByName/" + CodegenAgentLogsStep.class.getName() + "/";
    private static final String GLOBAL = "descriptorByName/" + CodegenGlobalConfiguration.class.getName() + "/";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void usersAndAJob() throws Exception {
        addToken(CREDENTIALS_ID, "token");
        j.createProject(org.jenkinsci.plugins.workflow.job.WorkflowJob.class, "p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                // neither Overall/Administer nor Item/Configure
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ).everywhere().to("dev"));
    }

    @Test
    public void credentialListsShowOnlyWhatTheUserMaySee() throws Exception {
        assertThat(options(post("reader", "job/p/" + STEP + "fillCredentialsIdItems", "credentialsId", "")),
                not(hasItem(CREDENTIALS_ID)));
        assertThat(options(post("reader", GLOBAL + "fillCredentialsIdItems", "credentialsId", "")),
                not(hasItem(CREDENTIALS_ID)));
        // the current value stays, so that saving a form does not lose it
        assertThat(options(post("reader", "job/p/" + STEP + "fillCredentialsIdItems", "credentialsId", "kept")),
                hasItem("kept"));

        assertThat(options(post("dev", "job/p/" + STEP + "fillCredentialsIdItems", "credentialsId", "")),
                hasItem(CREDENTIALS_ID));
        assertThat(options(post("dev", GLOBAL + "fillCredentialsIdItems", "credentialsId", "")),
                not(hasItem(CREDENTIALS_ID)));
        assertThat(options(post("admin", GLOBAL + "fillCredentialsIdItems", "credentialsId", "")),
                hasItem(CREDENTIALS_ID));
    }

    @Test
    public void checksAnswerOnlyThoseWhoMayConfigure() throws Exception {
        // without Item/Configure nothing is validated: no oracle for credential ids, no probing of values
        assertEquals("<div/>", body(post("reader", "job/p/" + STEP + "checkCredentialsId", "value", "no-such-credential")));
        assertEquals("<div/>", body(post("reader", "job/p/" + STEP + "checkRunId", "value", "abc")));
        assertEquals("<div/>", body(post("reader", GLOBAL + "checkOrgId", "value", "abc")));

        assertThat(body(post("dev", "job/p/" + STEP + "checkCredentialsId", "value", "no-such-credential")),
                containsString("No &quot;Secret text&quot; credential with this id is visible here"));
        assertEquals("<div/>", body(post("dev", "job/p/" + STEP + "checkCredentialsId", "value", CREDENTIALS_ID)));
        assertThat(body(post("dev", "job/p/" + STEP + "checkRunId", "value", "abc")), containsString("error"));
        // the global checks need Overall/Administer
        assertEquals("<div/>", body(post("dev", GLOBAL + "checkOrgId", "value", "abc")));
        assertThat(body(post("admin", GLOBAL + "checkOrgId", "value", "abc")), containsString("error"));
    }

    @Test
    public void formMethodsRefuseGetAndRequestsWithoutACrumb() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("dev");
        wc.setThrowExceptionOnFailingStatusCode(false);
        Page get = wc.getPage(new WebRequest(new URL(j.getURL(), "job/p/" + STEP + "fillCredentialsIdItems?credentialsId="),
                HttpMethod.GET));
        // @POST methods are not found by a GET at all
        assertEquals(404, get.getWebResponse().getStatusCode());
        assertThat(get.getWebResponse().getContentAsString(), not(containsString(CREDENTIALS_ID)));

        WebRequest noCrumb = new WebRequest(new URL(j.getURL(), "job/p/" + STEP + "fillCredentialsIdItems"), HttpMethod.POST);
        noCrumb.setRequestParameters(List.of(new NameValuePair("credentialsId", "")));
        Page refused = wc.getPage(noCrumb);
        assertEquals(403, refused.getWebResponse().getStatusCode());
        assertThat(refused.getWebResponse().getContentAsString(), not(containsString(CREDENTIALS_ID)));
    }

    /** POSTs one form parameter with a crumb, as {@code user}; the answer must be 200. */
    private Page post(String user, String path, String name, String value) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login(user);
        WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        request.setRequestParameters(new ArrayList<>(List.of(new NameValuePair(name, value))));
        wc.addCrumb(request);
        Page page = wc.getPage(request);
        assertEquals(path, 200, page.getWebResponse().getStatusCode());
        return page;
    }

    private static String body(Page page) {
        return page.getWebResponse().getContentAsString().trim();
    }

    private static List<String> options(Page page) {
        JSONArray values = JSONObject.fromObject(body(page)).getJSONArray("values");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(values.getJSONObject(i).getString("value"));
        }
        return out;
    }
}
