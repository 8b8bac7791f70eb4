package io.codegenagentlogs.core.plugin;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Inside Jenkins the plugin's pages take every colour and font from Jenkins' theme variables, so that a
 * dark or high-contrast theme follows: the plugin's stylesheets name no colour of their own, and every
 * custom property the report's stylesheet declares (its whole palette) is set by the plugin.
 * Checked on the files, so it runs in the default build; the browser test shows the result.
 */
public class PluginThemeCssTest {
    private static final Path PLUGIN_CSS = Paths.get("..", "plugin", "src", "main", "resources");
    private static final Path REPORT_CSS = Paths.get("src", "main", "resources", "io", "codegenagentlogs", "core", "report", "report.css");
    /** A colour written out: #rgb, #rrggbb, rgb(), hsl(), oklch(), ... or a named colour used as a value. */
    private static final Pattern LITERAL_COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\(|:\\s*(white|black|red|green|blue|orange|gray|grey)\\b");
    private static final Pattern DECLARATION = Pattern.compile("(--cal-[a-z0-9-]+)\\s*:\\s*([^;]+);");

    @Test
    public void thePluginsStylesheetsNameNoColourOfTheirOwn() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path css : pluginStylesheets()) {
            String text = withoutComments(Files.readString(css, StandardCharsets.UTF_8));
            Matcher m = LITERAL_COLOUR.matcher(text);
            while (m.find()) {
                problems.add(css + ": a colour of its own, '" + m.group() + "': use a Jenkins theme variable");
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void everyPropertyOfTheReportsPaletteIsSetToAThemeVariable() throws IOException {
        Map<String, String> report = declarations(Files.readString(REPORT_CSS, StandardCharsets.UTF_8));
        assertFalse("no --cal-* properties in " + REPORT_CSS.toAbsolutePath(), report.isEmpty());
        Map<String, String> plugin = declarations(Files.readString(PLUGIN_CSS.resolve(
                Paths.get("io", "jenkins", "plugins", "codegenagentlogs", "codegen.css")), StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (String property : new TreeSet<>(report.keySet())) {
            String value = plugin.get(property);
            if (value == null) {
                problems.add(property + " (report.css: " + report.get(property) + ") is not set by codegen.css");
            } else if (!value.contains("var(--") && !value.equals("transparent") && !value.equals("none")) {
                problems.add(property + ": " + value + " is not a Jenkins theme variable");
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    private static List<Path> pluginStylesheets() throws IOException {
        assertTrue("plugin resources not found at " + PLUGIN_CSS.toAbsolutePath(), Files.isDirectory(PLUGIN_CSS));
        try (Stream<Path> walk = Files.walk(PLUGIN_CSS)) {
            List<Path> css = walk.filter(p -> p.toString().endsWith(".css")).sorted().toList();
            assertFalse("no stylesheet under " + PLUGIN_CSS.toAbsolutePath(), css.isEmpty());
            return css;
        }
    }

    private static Map<String, String> declarations(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(withoutComments(css));
        while (m.find()) {
            out.put(m.group(1), m.group(2).trim());
        }
        return out;
    }

    private static String withoutComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
