package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenPagesInABrowserTest.SCREENSHOTS;
import static io.jenkins.plugins.codegenagentlogs.CodegenPagesInABrowserTest.assertMostlyDark;
import static io.jenkins.plugins.codegenagentlogs.CodegenPagesInABrowserTest.chromiumOrSkip;
import static io.jenkins.plugins.codegenagentlogs.CodegenPagesInABrowserTest.look;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import hudson.model.Result;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.jenkins.plugins.darktheme.DarkThemeManagerFactory;
import io.jenkins.plugins.thememanager.ThemeManagerPageDecorator;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The build, report and console pages of a failing agent run under the real dark theme (dark-theme
 * plugin through theme-manager, selected as the global theme), in headless Chromium. They must come
 * out dark: our colours come from Jenkins' theme variables, which the theme sets. Screenshots
 * ({@code *-dark-theme.png}) go to {@code target/screenshots/}. Needs dark-theme on the test classpath
 * (the {@code dark-theme} profile of plugin/pom.xml); skipped, saying why, where no Chromium is installed.
 */
public class CodegenDarkThemeInABrowserTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Simulators simulators = new Simulators();

    @Test
    public void failingRunPagesUnderTheDarkTheme() throws Exception {
        HeadlessChromium chromium = chromiumOrSkip(tmp.getRoot().toPath(), "CodegenDarkThemeInABrowserTest");

        ThemeManagerPageDecorator.get().setTheme(new DarkThemeManagerFactory());

        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "codegen-demo", step(sim, 12345, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        CodegenRunAction a = actions(b).get(0);

        // the theme is in force on our pages (theme-manager names it in the head; its script sets
        // <html data-theme>), before the pixels are judged
        String html = j.createWebClient().withJavaScriptEnabled(false).goTo(b.getUrl() + a.getUrlName() + "/")
                .getWebResponse().getContentAsString();
        assertThat(html, containsString("<script id=\"theme-manager-theme\" type=\"application/json\">{ \"id\": \"dark\""));

        Files.createDirectories(SCREENSHOTS);
        String root = j.getURL().toString();
        assertMostlyDark(look(chromium, root + b.getUrl(), "build-dark-theme.png", 1400, 700));
        assertMostlyDark(look(chromium, root + b.getUrl() + a.getUrlName() + "/", "report-dark-theme.png", 1400, 1700));
        assertMostlyDark(look(chromium, root + b.getUrl() + "console", "console-dark-theme.png", 1400, 1200));
    }
}
