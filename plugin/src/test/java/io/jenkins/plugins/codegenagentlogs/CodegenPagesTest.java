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
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What the build page, the report page and the console say about a failing agent run, in the order a
 * person reads them. The {@code realistic} scenario logs 2 ERROR entries (#7, #19) and one
 * PR_CREATION_FAILED (#30).
 */
public class CodegenPagesTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public Simulators simulators = new Simulators();

    private WorkflowRun failingRun(String extra, Result expected) throws Exception {
        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "pages", step(sim, 12345, extra));
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }

    @Test
    public void theBuildPageSaysTheVerdictThenTheFailingEntriesThenTheLinks() throws Exception {
        WorkflowRun b = failingRun("", Result.FAILURE);
        HtmlPage page = j.createWebClient().getPage(b);
        DomElement summary = only(page, "codegen-summary");

        assertEquals("Codegen agent run 12345: gate failed", text(only(summary, "codegen-summary__verdict").getFirstElementChild()));
        assertEquals("the build failed", text(only(summary, "codegen-summary__consequence")));
        assertEquals("run status COMPLETE", text(only(summary, "codegen-summary__status")));
        assertEquals("3 failing entries: 2 ERROR, 1 PR_CREATION_FAILED", text(only(summary, "codegen-summary__failing")));
        List<String> entries = new ArrayList<>();
        for (DomElement li : only(summary, "codegen-summary__entries").getChildElements()) {
            List<String> parts = new ArrayList<>();
            li.getChildElements().forEach(span -> parts.add(text(span)));
            entries.add(parts.isEmpty() ? text(li) : String.join(" | ", parts));
        }
        // the human messages, not the entries' JSON
        assertThat(entries, contains("#7 ERROR run_command | Command failed with exit code 1",
                "#19 ERROR run_command | TypeScript check failed: src/billing/invoice.ts(2,10): error TS6133: 'applyTax' is declared but its value is never read.",
                "and 1 more in the report"));
        List<String> links = new ArrayList<>();
        for (DomElement li : only(summary, "codegen-links").getChildElements()) {
            links.add(text(li));
        }
        assertThat(links, contains("Report", "Open in Codegen", "logs.ndjson", "summary.json"));

        String all = text(summary);
        assertThat("verdict, then failing entries, then links", all.indexOf("gate failed"), lessThan(all.indexOf("3 failing entries")));
        assertThat(all.indexOf("3 failing entries"), lessThan(all.indexOf("#7 ERROR")));
        assertThat(all.indexOf("#7 ERROR"), lessThan(all.indexOf("Report")));
        // the counts of every type belong on the report page, not here
        assertThat(all, not(containsString("ACTION")));
        assertThat(all, not(containsString("{\"")));
        assertEquals("symbol-status-red", actions(b).get(0).getSummaryIcon());
    }

    @Test
    public void anUnstableGateReadsDifferentlyFromAFailedOne() throws Exception {
        WorkflowRun b = failingRun("buildResult: 'UNSTABLE'", Result.UNSTABLE);
        DomElement summary = only(j.createWebClient().getPage(b), "codegen-summary");
        assertEquals("Codegen agent run 12345: gate failed", text(only(summary, "codegen-summary__verdict").getFirstElementChild()));
        assertEquals("the build is unstable", text(only(summary, "codegen-summary__consequence")));
        CodegenRunAction a = actions(b).get(0);
        assertTrue(a.isUnstable());
        assertEquals("symbol-status-yellow", a.getSummaryIcon());
    }

    @Test
    public void aPassingRunSaysSoInOneLine() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowRun b = j.buildAndAssertSuccess(pipeline(j, "passing", step(sim, 1001, "")));
        DomElement summary = only(j.createWebClient().getPage(b), "codegen-summary");
        assertEquals("Codegen agent run 1001: gate passed", text(only(summary, "codegen-summary__verdict").getFirstElementChild()));
        assertNull(summary.querySelector(".codegen-summary__consequence"));
        assertEquals("no failing entries", text(only(summary, "codegen-summary__failing")));
        assertNull(summary.querySelector(".codegen-summary__entries"));
        assertEquals("symbol-status-blue", actions(b).get(0).getSummaryIcon());
    }

    @Test
    public void theReportPageLeadsWithTheLinksAndUsesTheJenkinsStylesheet() throws Exception {
        WorkflowRun b = failingRun("", Result.FAILURE);
        CodegenRunAction a = actions(b).get(0);
        HtmlPage page = j.createWebClient().getPage(b, a.getUrlName() + "/");
        DomElement links = only(page, "codegen-page__links");
        List<String> names = new ArrayList<>();
        for (DomElement link : links.getChildElements()) {
            names.add(text(link));
        }
        assertThat(names, contains("Open in Codegen", "logs.ndjson", "summary.json"));
        String text = page.asNormalizedText();
        // the run's details are in the report's Run section, not repeated in a line of the plugin's own
        assertThat(text, not(containsString("Organization 67890 \u00b7")));
        assertThat(text, containsString("Command failed with exit code 1"));
        assertThat("no literal escapes of the JSON in the shown text", text, not(containsString("\\n")));

        // the plugin's stylesheet comes after the report's, so that Jenkins' theme wins, and it is served
        String html = page.getWebResponse().getContentAsString();
        Matcher css = Pattern.compile("href='([^']*/io/jenkins/plugins/codegenagentlogs/codegen\\.css)'").matcher(html);
        assertTrue("codegen.css linked", css.find());
        int reportCss = html.indexOf("io/codegenagentlogs/core/report/report.css");
        assertThat(reportCss, greaterThan(-1));
        assertThat(css.start(), greaterThan(reportCss));
        String served = j.createWebClient().goTo(css.group(1).substring(j.contextPath.length() + 1), "text/css")
                .getWebResponse().getContentAsString();
        assertThat(served, containsString("--cal-fail: var(--error-color"));
    }

    @Test
    public void theConsoleMarksFailingEntriesPrintsTheVerdictOnceAndKeepsItsColumns() throws Exception {
        WorkflowRun b = failingRun("", Result.FAILURE);
        String log = JenkinsRule.getLog(b);
        assertEquals(log, 1, occurrences(log, "failed the gate"));
        assertEquals(log, 0, occurrences(log, "Verdict: "));

        // one mark per failing entry, each on that entry's line, none on the others
        HtmlPage console = j.createWebClient().getPage(b, "console");
        List<String> marked = new ArrayList<>();
        for (DomNode n : console.querySelectorAll("." + FailingEntryNote.CSS_CLASS)) {
            marked.add(n.getTextContent().trim());
        }
        assertEquals(marked.toString(), 3, marked.size());
        assertThat(marked.get(0), containsString("#7 "));
        assertThat(marked.get(0), containsString("Command failed with exit code 1"));
        assertThat(marked.get(1), containsString("#19 "));
        assertThat(marked.get(2), containsString("#30 "));
        assertThat(marked.get(2), containsString("PR_CREATION_FAILED"));
        for (String m : marked) {
            assertThat("a mark covers one line", m, not(containsString("\n")));
        }
        assertThat(console.getWebResponse().getContentAsString(), containsString("FailingEntryNote/style.css"));

        // entry lines: the type column starts at one place, and what follows it (the tool, or the message
        // when there is no tool) at one of two, long type names (USER_GITHUB_ISSUE_COMMENT, ...) included
        Pattern entry = Pattern.compile("^#\\d+\\s+\\d\\d:\\d\\d:\\d\\d\\s+([A-Z_]+)\\s+(\\S)");
        Set<Integer> typeColumns = new HashSet<>();
        Set<Integer> nextColumns = new HashSet<>();
        List<String> longTypes = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = entry.matcher(line);
            if (m.find()) {
                typeColumns.add(m.start(1));
                nextColumns.add(m.start(2));
                if (m.group(1).length() >= 20) {
                    longTypes.add(m.group(1));
                }
            }
        }
        assertThat(longTypes, not(empty()));
        assertEquals("type column " + typeColumns, 1, typeColumns.size());
        assertEquals("tool or message column " + nextColumns, 2, nextColumns.size());
    }

    private static DomElement only(DomNode root, String cssClass) {
        List<DomNode> found = root.querySelectorAll("." + cssClass);
        assertEquals("exactly one ." + cssClass, 1, found.size());
        return (DomElement) found.get(0);
    }

    private static String text(DomNode node) {
        return node.getTextContent().replaceAll("\\s+", " ").trim();
    }
}
