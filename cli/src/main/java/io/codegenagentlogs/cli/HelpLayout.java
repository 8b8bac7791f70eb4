package io.codegenagentlogs.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The {@code --help} layout: a man page that wraps at spaces only. Picocli's own wrapping follows
 * the JDK's line-break rules, which cut {@code report.html} after its dot and {@code --fail-on}
 * after a hyphen; a command, a file name or an option cut in two cannot be pasted. Examples (the
 * footer) are never wrapped at all: they are written to fit.
 */
final class HelpLayout {
    /** Where option descriptions start. */
    private static final int OPTION_COLUMN = 26;
    /** Where exit-code meanings start. */
    private static final int CODE_COLUMN = 8;
    static final int DEFAULT_WIDTH = 80;

    private final int width;

    HelpLayout(int width) {
        this.width = width;
    }

    /** The width to lay help out in: {@code COLUMNS} when it is set and sensible, else 80. */
    static int width(String columns) {
        try {
            int c = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns.strip());
            return Math.max(60, Math.min(120, c));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** Installs the layout on a command and all its subcommands. */
    void install(CommandLine cmd) {
        cmd.setUsageHelpWidth(width);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cmd.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, this::synopsis);
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> paragraphs(help.commandSpec().usageMessage().description()));
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> options(help.commandSpec()));
        sections.put(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST, help -> exitCodes(help.commandSpec().usageMessage().exitCodeList()));
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> verbatim(help.commandSpec().usageMessage().footer()));
        cmd.setHelpSectionMap(sections);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            install(sub);
        }
    }

    private String synopsis(Help help) {
        CommandSpec spec = help.commandSpec();
        List<String> words = new ArrayList<>();
        words.add(spec.qualifiedName());
        for (OptionSpec o : ordered(spec)) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            // a no-break space inside an element: "[--report-dir DIR]" is never cut in two
            String w = o.longestName() + (o.arity().max() > 0 ? "\u00a0" + o.paramLabel() : "");
            words.add(o.required() ? w : "[" + w + "]");
        }
        if (!spec.subcommands().isEmpty()) {
            words.add("COMMAND");
        }
        // a command name with spaces ("java -jar x.jar") stays whole on the first line
        // the heading ("Usage:%n  ") already printed the first line's two-space indent
        return wrap(String.join(" ", words), 2, 6, spec.qualifiedName().length()).substring(2).replace('\u00a0', ' ');
    }

    private String paragraphs(String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String text = line.replace("%n", "\n");
            for (String part : text.split("\n", -1)) {
                sb.append(part.isBlank() ? "\n" : wrap(part, 0, 0, 0));
            }
        }
        return sb.toString();
    }

    private String options(CommandSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (OptionSpec o : ordered(spec)) {
            String label = label(o);
            String description = String.join(" ", o.description()).replace("%n", " ");
            sb.append(column(label, description, OPTION_COLUMN));
        }
        return sb.toString();
    }

    private String exitCodes(Map<String, String> codes) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : codes.entrySet()) {
            sb.append(column("  " + e.getKey().strip(), e.getValue(), CODE_COLUMN));
        }
        return sb.toString();
    }

    private static String verbatim(String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.replace("%n", "\n")).append('\n');
        }
        return sb.toString();
    }

    /** The options in the order they were declared for ({@code order}), help and version first. */
    static List<OptionSpec> ordered(CommandSpec spec) {
        List<OptionSpec> list = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                list.add(o);
            }
        }
        list.sort(Comparator.comparingInt(o -> o.usageHelp() ? -2 : o.versionHelp() ? -1 : o.order()));
        return list;
    }

    /** {@code   -h, --help} or {@code       --run=ID}. */
    static String label(OptionSpec o) {
        String shortName = null;
        for (String n : o.names()) {
            if (n.length() == 2) {
                shortName = n;
            }
        }
        String value = o.arity().max() > 0 ? "=" + o.paramLabel() : "";
        return "  " + (shortName == null ? "    " : shortName + ", ") + o.longestName() + value;
    }

    /** A label, then text wrapped in a column; the text starts on the next line when the label is too wide. */
    private String column(String label, String text, int column) {
        StringBuilder sb = new StringBuilder(label);
        if (label.length() + 1 > column) {
            sb.append('\n');
            sb.append(" ".repeat(column));
        } else {
            sb.append(" ".repeat(column - label.length()));
        }
        sb.append(wrap(text, column, column, 0).substring(column));
        return sb.toString();
    }

    /**
     * Wraps at spaces only: a word longer than a line keeps its own line, whole.
     *
     * @param keep characters at the start that must stay together (they may contain spaces)
     */
    String wrap(String text, int firstIndent, int nextIndent, int keep) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(" ".repeat(firstIndent));
        String rest = text.strip();
        if (keep > 0 && keep <= rest.length()) {
            line.append(rest, 0, keep);
            rest = rest.substring(keep).strip();
        }
        int indent = firstIndent;
        boolean lineHasWord = keep > 0;
        for (String word : rest.isEmpty() ? new String[0] : rest.split(" +")) {
            if (lineHasWord && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                indent = nextIndent;
                line.setLength(0);
                line.append(" ".repeat(indent));
                lineHasWord = false;
            }
            if (lineHasWord) {
                line.append(' ');
            }
            line.append(word);
            lineHasWord = true;
        }
        return out.append(line).append('\n').toString();
    }
}
