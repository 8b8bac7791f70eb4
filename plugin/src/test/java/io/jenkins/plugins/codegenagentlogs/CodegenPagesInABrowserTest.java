package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertFalse;

import hudson.model.Result;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The plugin's pages as a user sees them: a failing agent run watched by a Pipeline, then its build
 * page, report page, console and job page opened in headless Chromium. The screenshots go to
 * {@code target/screenshots/}; a page whose scripts fail, or that renders blank, fails the test.
 * Skipped, saying why, where no Chromium is installed.
 */
public class CodegenPagesInABrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CodegenSimulator sim;

    @BeforeClass
    public static void sharedSetup() {
        CodegenTestSupport.init();
    }

    @After
    public void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    public void failingRunPages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(tmp.getRoot().toPath());
        if (chromium == null) {
            System.err.println("CodegenPagesInABrowserTest SKIPPED: no chromium on PATH (Debian: apt-get install chromium)");
        }
        Assume.assumeTrue("no chromium on PATH (Debian: apt-get install chromium)", chromium != null);

        sim = CodegenSimulator.start(Scenario.bundled("realistic"));
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "codegen-demo", step(sim, 12345, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        CodegenRunAction a = actions(b).get(0);

        String root = j.getURL().toString();
        look(chromium, root + b.getUrl(), "build.png", 1400, 1000);
        look(chromium, root + b.getUrl() + a.getUrlName() + "/", "report.png", 1400, 2600);
        look(chromium, root + b.getUrl() + "console", "console.png", 1400, 2000);
        look(chromium, root + p.getUrl(), "job.png", 1400, 1000);
    }

    private static void look(HeadlessChromium chromium, String url, String name, int width, int height) throws Exception {
        HeadlessChromium.Shot shot = chromium.screenshot(url, SCREENSHOTS.resolve(name), width, height);
        for (String line : shot.browserLog().split("\n")) {
            String l = line.toLowerCase(Locale.ROOT);
            assertFalse(name + ": script error: " + line, l.contains("uncaught"));
            assertFalse(name + ": a resource did not load: " + line, l.contains("failed to load resource"));
        }
        BufferedImage image = ImageIO.read(shot.png().toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(name + " is not blank", colours.size(), greaterThan(8));
        System.out.println("screenshot: " + shot.png().toAbsolutePath() + " (" + Files.size(shot.png()) + " bytes)");
    }
}
