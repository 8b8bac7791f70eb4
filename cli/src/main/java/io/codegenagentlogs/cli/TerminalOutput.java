package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.gate.GatePolicy;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output on an interactive terminal: lines, optionally coloured, with one status line kept
 * below them and redrawn in place. Every line printed first erases the status line, then the status
 * line comes back under it, so the log scrolls above a status that stays put.
 *
 * <p>Only our own escape sequences are written: the lines themselves were cleaned by the console
 * format (agent text cannot carry an escape sequence of its own).
 */
final class TerminalOutput extends PrintStream {
    static final String RED = "\u001b[31m";
    static final String GREEN = "\u001b[32m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";
    static final String BOLD = "\u001b[1m";
    static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";
    private static final String ERASE_LINE = "\r\u001b[2K";

    private final PrintStream out;
    private final boolean colour;
    private final boolean interactive;
    private final int width;
    private String nextColour;
    private String status;

    TerminalOutput(PrintStream out, Terminal terminal, int width) {
        super(out, true, StandardCharsets.UTF_8);
        this.out = out;
        this.colour = terminal.colour();
        this.interactive = terminal.interactive();
        this.width = width;
    }

    /** The colour of a message type: failing types red, the final answer green, user messages cyan, evaluations dim. */
    static String colourOf(String type, GatePolicy policy) {
        if (policy.isFailing(type) || type.equals("ERROR") || type.endsWith("_FAILED")) {
            return RED;
        }
        if (type.equals("FINAL_ANSWER")) {
            return GREEN;
        }
        if (type.startsWith("USER_")) {
            return CYAN;
        }
        if (type.endsWith("_EVALUATION") || type.equals("AGENT_RUN_LINK")) {
            return DIM;
        }
        return null;
    }

    /** The colour of the next line printed (null: none); cleared once that line is out. */
    synchronized void colourNext(String ansi) {
        this.nextColour = ansi;
    }

    /** Shows {@code text} as the status line, replacing the previous one; null removes it. */
    synchronized void status(String text) {
        if (!interactive) {
            return;
        }
        if (status != null) {
            out.print(ERASE_LINE);
        }
        status = text == null ? null : fit(text);
        if (status != null) {
            out.print(colour ? DIM + status + RESET : status);
        }
        out.flush();
    }

    @Override
    public synchronized void println(String line) {
        if (status != null) {
            out.print(ERASE_LINE);
        }
        String c = colour ? nextColour : null;
        out.print(c == null ? line : c + line + RESET);
        out.print('\n');
        nextColour = null;
        if (status != null) {
            out.print(colour ? DIM + status + RESET : status);
        }
        out.flush();
    }

    @Override
    public synchronized void println() {
        println("");
    }

    /** One screen line: a status that wrapped could not be erased in place. */
    private String fit(String text) {
        int max = Math.max(10, width - 1);
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
