package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

public class ManPageTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Set<String> MACROS = Set.of(".TH", ".SH", ".SS", ".PP", ".TP", ".B", ".nf", ".fi", ".nh", ".ad");

    @Test
    public void everyCommandAndOptionIsOnThePage() {
        String page = ManPage.render();
        CommandLine cli = new Main(Map.of(), System.out, System.err, Path.of("")).commandLine();
        for (Map.Entry<String, CommandLine> e : cli.getSubcommands().entrySet()) {
            assertThat(page, containsString("\n.SS " + e.getKey() + "\n"));
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                assertThat(page, containsString(".B " + ManPage.escape(o.longestName())));
            }
        }
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "ENVIRONMENT", "EXIT STATUS", "SEE ALSO")) {
            assertThat(page, containsString("\n.SH " + section + "\n"));
        }
    }

    @Test
    public void everyControlLineIsAMacroWeMeant() {
        for (String line : ManPage.render().split("\n")) {
            if (line.startsWith(".") || line.startsWith("'")) {
                assertTrue(line, MACROS.contains(line.split(" ", 2)[0]));
            }
        }
    }

    @Test
    public void groffReadsItWithoutWarnings() throws Exception {
        Assume.assumeTrue("groff is installed", Files.isExecutable(Path.of("/usr/bin/groff")));
        ManPage.main(new String[] {tmp.getRoot().toString()});
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", tmp.getRoot().toPath().resolve(ManPage.FILE).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
        assertEquals("", out);
    }
}
