package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.addToken;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.pipeline;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertFalse;

import hudson.model.PageDecorator;
import hudson.model.Result;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;

/**
 * The plugin's pages as a user sees them: a failing agent run watched by a Pipeline, then its build
 * page, report page, console and job page opened in headless Chromium. The screenshots go to
 * {@code target/screenshots/}; a page whose scripts fail, or that renders blank, fails the test. Then
 * the build and report pages again with Jenkins' theme variables set to dark values ({@code *-dark.png}):
 * they must turn dark, which they do only if their colours come from those variables.
 * Skipped, saying why, where no Chromium is installed.
 */
public class CodegenPagesInABrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Simulators simulators = new Simulators();

    @Test
    public void failingRunPages() throws Exception {
        HeadlessChromium chromium = chromiumOrSkip(tmp.getRoot().toPath(), "CodegenPagesInABrowserTest");

        CodegenSimulator sim = simulators.bundled("realistic");
        addToken(CREDENTIALS_ID, SIM_TOKEN);
        WorkflowJob p = pipeline(j, "codegen-demo", step(sim, 12345, ""));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        CodegenRunAction a = actions(b).get(0);

        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve("console.txt"), JenkinsRule.getLog(b), StandardCharsets.UTF_8);
        String root = j.getURL().toString();
        String report = root + b.getUrl() + a.getUrlName() + "/";
        look(chromium, root + b.getUrl(), "build.png", 1400, 700);
        look(chromium, report, "report.png", 1400, 1700);
        look(chromium, root + b.getUrl() + "console", "console.png", 1400, 2000);
        look(chromium, root + p.getUrl(), "job.png", 1400, 1000);

        // The same pages with Jenkins' theme variables set to dark values: nothing of ours stays light.
        DarkPalette.enabled = true;
        try {
            assertMostlyDark(look(chromium, root + b.getUrl(), "build-dark.png", 1400, 700));
            assertMostlyDark(look(chromium, report, "report-dark.png", 1400, 1700));
            assertMostlyDark(look(chromium, root + b.getUrl() + "console", "console-dark.png", 1400, 1200));
        } finally {
            DarkPalette.enabled = false;
        }
    }

    /** The installed Chromium; when there is none, the test is skipped, saying why on stderr too. */
    static HeadlessChromium chromiumOrSkip(Path scratch, String test) {
        HeadlessChromium chromium = HeadlessChromium.find(scratch);
        if (chromium == null) {
            System.err.println(test + " SKIPPED: no chromium on PATH (Debian: apt-get install chromium)");
        }
        Assume.assumeTrue("no chromium on PATH (Debian: apt-get install chromium)", chromium != null);
        return chromium;
    }

    /**
     * In the main panel (right of the side panel), almost no pixel is light: a background, table header
     * or banner with a colour of its own (not a theme variable) would show up as a light block.
     */
    static void assertMostlyDark(BufferedImage image) {
        long light = 0;
        long all = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = image.getWidth() / 4; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                double luminance = (0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
                if (luminance > 0.8) {
                    light++;
                }
                all++;
            }
        }
        assertThat("light pixels in the main panel: " + light + " of " + all, light * 100 / all, lessThan(3L));
    }

    /** Test only: Jenkins' theme variables set to dark values on every page (header.jelly, dark-palette.css). */
    @TestExtension("failingRunPages")
    public static final class DarkPalette extends PageDecorator {
        static volatile boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }
    }

    static BufferedImage look(HeadlessChromium chromium, String url, String name, int width, int height) throws Exception {
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
        return image;
    }
}
