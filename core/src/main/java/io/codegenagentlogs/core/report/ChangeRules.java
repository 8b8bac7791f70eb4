package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which tool calls change code, for the audit trail ("Changes made by the agent"): those whose tool
 * name matches one of a set of glob patterns ({@code *} is any run of characters; case does not
 * matter). The defaults cover the usual write, edit, create, delete, move, commit and pull-request
 * tools. Besides those, a call of a command tool (its name matches {@link #COMMAND_TOOLS}) counts
 * when its input runs a git command that changes the repository ({@code git commit}, {@code push},
 * {@code merge}, ...) or opens a pull request ({@code gh pr create}, {@code glab mr create}, {@code hub
 * pull-request}), which is how many agents commit.
 */
public final class ChangeRules implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final List<String> DEFAULT_PATTERNS = List.of("*write*", "*edit*", "*create*", "*delete*", "*remove*",
            "*move*", "*rename*", "*replace*", "*patch*", "*commit*", "*push*", "*merge*", "*_pr", "pr_*", "*_pr_*",
            "*pull_request*", "*pullrequest*");
    /** Tools that run shell commands. */
    public static final List<String> COMMAND_TOOLS = List.of("*command*", "*shell*", "*bash*", "*terminal*", "*exec*");
    /** A command that changes the repository or opens a pull request, anywhere in a command line. */
    static final Pattern CHANGING_COMMAND = Pattern.compile(
            "\\bgit\\s+(?:-\\S+\\s+)*(?:commit|push|merge|rebase|reset|revert|cherry-pick|tag|am|apply|rm|mv)\\b"
                    + "|\\bgh\\s+pr\\s+(?:create|merge)\\b|\\bglab\\s+mr\\s+(?:create|merge)\\b|\\bhub\\s+pull-request\\b");

    private static final ChangeRules DEFAULTS = new ChangeRules(DEFAULT_PATTERNS);

    private final List<String> patterns;
    private transient Pattern matcher;
    private transient Pattern commandMatcher;

    private ChangeRules(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static ChangeRules defaults() {
        return DEFAULTS;
    }

    /**
     * Rules with these patterns instead of the defaults; blank ones are ignored, so an empty list
     * turns the audit trail's tool matching off (git commands still count).
     *
     * @throws IllegalArgumentException for a pattern with characters other than letters, digits, {@code _ - . : / *}
     */
    public static ChangeRules of(Collection<String> patterns) {
        List<String> kept = new ArrayList<>();
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String t = p.trim().toLowerCase(Locale.ROOT);
            if (!t.matches("[\\p{L}\\p{N}_\\-.:/*]+")) {
                throw new IllegalArgumentException("A change-tool pattern is a tool name with * as a wildcard (letters, "
                        + "digits, _ - . : /); \"" + SafeText.oneLine(p, 100) + "\" is not one");
            }
            kept.add(t);
        }
        return new ChangeRules(kept);
    }

    /** The patterns, lower case, in the order given. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether a call of this tool changes code, by its name alone. */
    public boolean isChangeTool(String toolName) {
        if (matcher == null) {
            matcher = compile(patterns);
        }
        return toolName != null && matcher.matcher(toolName.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether this tool runs shell commands (its calls count when they run a changing git command). */
    public boolean isCommandTool(String toolName) {
        if (commandMatcher == null) {
            commandMatcher = compile(COMMAND_TOOLS);
        }
        return toolName != null && commandMatcher.matcher(toolName.toLowerCase(Locale.ROOT)).matches();
    }

    private static Pattern compile(List<String> globs) {
        if (globs.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        StringBuilder re = new StringBuilder();
        for (String g : globs) {
            if (re.length() > 0) {
                re.append('|');
            }
            String[] parts = g.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    re.append(".*");
                }
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeRules r && r.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
