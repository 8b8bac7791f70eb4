package io.codegenagentlogs.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md against the commands as they are: every option a command has is in its section's
 * table, every option in a table exists, and every exit code a command's --help lists is explained.
 */
public class CliDocsTest {
    private static final Path DOC = ActionManifestTest.ROOT.resolve("docs/cli.md");

    private static CommandLine cli() {
        return new Main(Map.of(), System.out, System.err, Path.of("")).commandLine();
    }

    @Test
    public void everyCommandHasASection() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        for (String name : cli().getSubcommands().keySet()) {
            assertTrue("docs/cli.md has '## " + name + "'", lines.contains("## " + name));
        }
    }

    @Test
    public void everyOptionIsDocumentedAndEveryDocumentedOptionExists() throws Exception {
        for (Map.Entry<String, CommandLine> e : cli().getSubcommands().entrySet()) {
            TreeSet<String> actual = new TreeSet<>();
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (!o.usageHelp() && !o.versionHelp() && !o.hidden()) {
                    actual.add(o.longestName());
                }
            }
            TreeSet<String> documented = new TreeSet<>(DocTables.rows(DOC, "## " + e.getKey()).keySet());
            assertEquals("options of " + e.getKey() + " in docs/cli.md", actual, documented);
        }
    }

    @Test
    public void everyExitCodeIsExplained() throws Exception {
        TreeSet<String> documented = new TreeSet<>(DocTables.rows(DOC, "## Exit codes").keySet());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : cli().getSubcommands().entrySet()) {
            for (String code : e.getValue().getCommandSpec().usageMessage().exitCodeList().keySet()) {
                if (!documented.contains(code.strip())) {
                    missing.add(e.getKey() + " " + code.strip());
                }
            }
        }
        assertEquals("exit codes in --help but not in docs/cli.md", List.of(), missing);
    }
}
