package io.codegenagentlogs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The man page, {@code codegen-agent-logs.1}, made at build time (exec-maven-plugin, prepare-package)
 * from the same picocli model as {@code --help}: one page, a section per command, so it can never
 * say something the help does not.
 */
public final class ManPage {
    static final String FILE = "codegen-agent-logs.1";

    private ManPage() {
    }

    /** Writes {@value #FILE} into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE), render(), StandardCharsets.UTF_8);
    }

    static String render() {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine root = new Main(Map.of(), nowhere, nowhere, Path.of("")).commandLine();
        StringBuilder sb = new StringBuilder();
        UsageMessageSpec usage = root.getCommandSpec().usageMessage();
        sb.append(".TH CODEGEN\\-AGENT\\-LOGS 1 \"\" \"codegen-agent-logs ").append(escape(VersionProvider.version()))
                .append("\" \"User Commands\"\n");
        // no hyphenation, ragged right: options and commands stay whole
        sb.append(".nh\n.ad l\n");
        sb.append(".SH NAME\ncodegen\\-agent\\-logs \\- ").append(escape(String.join(" ", usage.header()))).append('\n');
        sb.append(".SH SYNOPSIS\n.B ").append(escape(root.getCommandName())).append("\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
        sb.append(".SH DESCRIPTION\n");
        paragraphs(sb, usage.description());
        sb.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            command(sb, e.getKey(), e.getValue().getCommandSpec());
        }
        sb.append(".SH ENVIRONMENT\n");
        env(sb, ApiOptions.ENV_TOKEN, "the API token (unless \\-\\-token\\-file); never an option value");
        env(sb, ApiOptions.ENV_ORG, "the organization id (unless \\-\\-org)");
        env(sb, ApiOptions.ENV_BASE_URL, "the API base URL (unless \\-\\-base\\-url), default https://api.codegen.com");
        env(sb, "NO_COLOR", "any non\\-empty value turns colours off");
        env(sb, "COLUMNS", "the width help is laid out for, default 80");
        env(sb, "GITHUB_ACTIONS", "true: mask the token, group the log, annotate, write $GITHUB_OUTPUT and "
                + "$GITHUB_STEP_SUMMARY");
        sb.append(".SH EXIT STATUS\n");
        for (Map.Entry<String, String> c : usage.exitCodeList().entrySet()) {
            sb.append(".TP\n.B ").append(escape(c.getKey().strip())).append('\n').append(escape(c.getValue())).append('\n');
        }
        sb.append(".SH SEE ALSO\nThe manual in the repository's docs/ folder: cli.md, github\\-actions.md, jenkins.md, "
                + "configuration.md, reports.md, exit\\-codes.md, troubleshooting.md.\n");
        return sb.toString();
    }

    private static void command(StringBuilder sb, String name, CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        sb.append(".SS ").append(escape(name)).append('\n');
        sb.append(escape(String.join(" ", usage.header()))).append("\n.PP\n");
        sb.append(".B ").append(escape(spec.qualifiedName())).append('\n');
        for (OptionSpec o : HelpLayout.ordered(spec)) {
            if (!o.usageHelp() && !o.versionHelp()) {
                String w = "\\fB" + escape(o.longestName()) + "\\fR" + (o.arity().max() > 0 ? " \\fI" + escape(o.paramLabel()) + "\\fR" : "");
                sb.append(o.required() ? w : "[" + w + "]").append('\n');
            }
        }
        paragraphs(sb, usage.description());
        for (OptionSpec o : HelpLayout.ordered(spec)) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            sb.append(".TP\n.B ").append(escape(String.join(", ", o.names())));
            if (o.arity().max() > 0) {
                sb.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            sb.append('\n').append(escape(String.join(" ", o.description()))).append('\n');
        }
        if (!usage.exitCodeList().isEmpty()) {
            sb.append(".PP\nExit codes:\n");
            for (Map.Entry<String, String> c : usage.exitCodeList().entrySet()) {
                sb.append(".TP\n.B ").append(escape(c.getKey().strip())).append('\n').append(escape(c.getValue())).append('\n');
            }
        }
        if (usage.footer().length > 0) {
            sb.append(".PP\n.nf\n");
            for (String line : usage.footer()) {
                sb.append(escapeLine(line.replace("%n", ""))).append('\n');
            }
            sb.append(".fi\n");
        }
    }

    private static void paragraphs(StringBuilder sb, String[] lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                sb.append(".PP\n").append(escape(line)).append('\n');
            }
        }
    }

    private static void env(StringBuilder sb, String name, String roff) {
        sb.append(".TP\n.B ").append(name).append('\n').append(roff).append('\n');
    }

    /** Text for roff: backslashes and hyphens escaped, and a line never starts with a control character. */
    static String escape(String text) {
        return escapeLine(text.replace("%n", " "));
    }

    private static String escapeLine(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
