package io.codegenagentlogs.core.plugin;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.xml.sax.InputSource;

/**
 * The Jenkins plugin cannot be built without the Jenkins repository, but its views can still be
 * checked everywhere: every Jelly file is well-formed XML that escapes by default, and every help
 * file is a well-formed fragment. Jenkins would only find out at page render time.
 */
public class PluginViewsWellFormedTest {
    private static final Path VIEWS = Paths.get("..", "plugin", "src", "main", "resources");

    @Test
    public void everyJellyFileIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> jelly = files(".jelly");
        assertFalse("no Jelly files under " + VIEWS.toAbsolutePath(), jelly.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Path f : jelly) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            parse(f, text, problems);
            if (!text.startsWith("<?jelly escape-by-default='true'?>")) {
                problems.add(f + ": must start with <?jelly escape-by-default='true'?>");
            }
            if (text.contains("<script")) {
                problems.add(f + ": no inline JavaScript (Jenkins' Content Security Policy)");
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void everyHelpFileIsAWellFormedFragment() throws Exception {
        List<Path> help = files(".html");
        assertFalse("no help files under " + VIEWS.toAbsolutePath(), help.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Path f : help) {
            parse(f, "<root>" + Files.readString(f, StandardCharsets.UTF_8) + "</root>", problems);
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    private static List<Path> files(String suffix) throws IOException {
        assertTrue("plugin views not found at " + VIEWS.toAbsolutePath(), Files.isDirectory(VIEWS));
        try (Stream<Path> walk = Files.walk(VIEWS)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void parse(Path file, String text, List<String> problems) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (org.xml.sax.SAXParseException e) {
            problems.add(file + ":" + e.getLineNumber() + ": " + e.getMessage());
        }
    }
}
