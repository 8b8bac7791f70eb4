package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code action.yml} against what it promises: the inputs and outputs that docs/github-actions.md
 * documents (both ways), inputs reaching the script only through {@code env:}, and outputs that are
 * the ones the CLI writes.
 */
public class ActionManifestTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action() throws Exception {
        return new Yaml().load(Files.readString(ROOT.resolve("action.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> section(String name) throws Exception {
        return (Map<String, Map<String, Object>>) action().get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps() throws Exception {
        return (List<Map<String, Object>>) ((Map<String, Object>) action().get("runs")).get("steps");
    }

    @Test
    public void everyInputIsDocumentedWithItsDefaultAndEveryDocumentedInputExists() throws Exception {
        Map<String, List<String>> documented = DocTables.rows(ROOT.resolve("docs/github-actions.md"), "## Inputs");
        Map<String, String> declared = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : section("inputs").entrySet()) {
            Map<String, Object> input = e.getValue();
            assertTrue(e.getKey() + " has a description", input.get("description") != null);
            boolean required = Boolean.TRUE.equals(input.get("required"));
            declared.put(e.getKey(), required ? "(required)" : String.valueOf(input.get("default")));
        }
        assertEquals(new ArrayList<>(declared.keySet()), new ArrayList<>(documented.keySet()));
        for (Map.Entry<String, String> e : declared.entrySet()) {
            String doc = documented.get(e.getKey()).get(0).replace("`", "");
            String docValue = doc.startsWith("'") && doc.endsWith("'") ? doc.substring(1, doc.length() - 1) : doc;
            assertEquals("default of " + e.getKey(), e.getValue(), docValue);
        }
    }

    @Test
    public void everyOutputIsDocumentedAndWrittenByTheCli() throws Exception {
        Map<String, List<String>> documented = DocTables.rows(ROOT.resolve("docs/github-actions.md"), "## Outputs");
        Map<String, Map<String, Object>> outputs = section("outputs");
        assertEquals(GithubMode.OUTPUT_NAMES, new ArrayList<>(outputs.keySet()));
        assertEquals(GithubMode.OUTPUT_NAMES, new ArrayList<>(documented.keySet()));
        for (Map.Entry<String, Map<String, Object>> e : outputs.entrySet()) {
            assertEquals("${{ steps.gate.outputs." + e.getKey() + " }}", e.getValue().get("value"));
        }
    }

    @Test
    public void inputsReachTheScriptOnlyThroughEnv() throws Exception {
        String script = Files.readString(ROOT.resolve("action/gate.sh"));
        Map<String, Object> gate = null;
        for (Map<String, Object> step : steps()) {
            Object run = step.get("run");
            if (run != null) {
                assertFalse("no expression spliced into run: " + run, run.toString().contains("${{"));
                assertThat(run.toString(), containsString("\"$GITHUB_ACTION_PATH/action/gate.sh\""));
                assertEquals("bash", step.get("shell"));
            }
            if ("gate".equals(step.get("id"))) {
                gate = step;
            }
        }
        assertTrue("a step with id gate", gate != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) gate.get("env");
        Map<String, Object> expected = new LinkedHashMap<>();
        for (String input : section("inputs").keySet()) {
            String variable = "INPUT_" + input.toUpperCase(Locale.ROOT).replace('-', '_');
            expected.put(variable, "${{ inputs." + input + " }}");
            assertThat("the script reads " + variable, script, containsString("${" + variable));
        }
        assertEquals(expected, env);
    }

    @Test
    public void theActionSetsUpTemurinAndCachesOutsideTheWorkspace() throws Exception {
        List<String> uses = new ArrayList<>();
        for (Map<String, Object> step : steps()) {
            if (step.get("uses") != null) {
                uses.add(step.get("uses").toString());
            }
        }
        assertEquals(List.of("actions/setup-java@v4", "actions/cache@v4"), uses);
        @SuppressWarnings("unchecked")
        Map<String, Object> java = (Map<String, Object>) steps().get(0).get("with");
        assertEquals("temurin", java.get("distribution"));
        assertEquals("17", java.get("java-version"));
        assertEquals("composite", ((Map<?, ?>) action().get("runs")).get("using"));
    }
}
