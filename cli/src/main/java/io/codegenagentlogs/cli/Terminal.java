package io.codegenagentlogs.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the standard output is: an interactive terminal (a live status line may be redrawn in place,
 * colours shown) or anything else (a file, a pipe, a CI log: plain lines, appended, never moved).
 *
 * @param interactive standard output is a terminal that understands cursor movement
 * @param colour colours are wanted: a terminal, and neither {@code NO_COLOR} nor {@code --no-color}
 */
record Terminal(boolean interactive, boolean colour) {
    static final Terminal PLAIN = new Terminal(false, false);

    /** Standard output as this process has it; {@code TERM=dumb} and {@code NO_COLOR} are honoured. */
    static Terminal detect(Map<String, String> env) {
        boolean tty = isTerminal(System.console()) && !"dumb".equals(env.get("TERM"));
        return new Terminal(tty, tty && noColorUnset(env));
    }

    /** The same terminal without colours ({@code --no-color}). */
    Terminal withoutColour() {
        return new Terminal(interactive, false);
    }

    /** https://no-color.org: any non-empty value turns colours off. */
    static boolean noColorUnset(Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return v == null || v.isEmpty();
    }

    /**
     * Java 17 gives a console only when standard input and output are terminals; Java 22 gives one
     * always and says with {@code isTerminal()} whether it is one.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (NoSuchMethodException before22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
