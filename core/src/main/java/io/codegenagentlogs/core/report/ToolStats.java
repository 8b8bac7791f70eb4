package io.codegenagentlogs.core.report;

import java.io.Serializable;

/** How often one tool was called during a run, and how many of those calls went wrong. */
public final class ToolStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final long calls;
    private final long errors;

    public ToolStats(String name, long calls, long errors) {
        this.name = name;
        this.calls = calls;
        this.errors = errors;
    }

    /** The tool name as sent (shortened when absurdly long), or {@link RunSummary#OTHER} for the overflow bucket. */
    public String name() {
        return name;
    }

    /** Entries that named this tool. */
    public long calls() {
        return calls;
    }

    /** Of those, entries of type ERROR or whose observation/tool output reported an error. */
    public long errors() {
        return errors;
    }

    @Override
    public String toString() {
        return name + ": " + calls + " calls, " + errors + " errors";
    }
}
