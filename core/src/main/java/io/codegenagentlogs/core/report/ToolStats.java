package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * How often one tool was called during a run, and how many of those calls went wrong.
 *
 * @param name the tool name as sent (shortened when absurdly long), or {@link RunSummary#OTHER} for the overflow bucket
 * @param calls entries that named this tool
 * @param errors of those, entries of type ERROR or whose observation/tool output reported an error
 */
public record ToolStats(String name, long calls, long errors) implements Serializable {
    @Override
    public String toString() {
        return name + ": " + calls + " calls, " + errors + " errors";
    }
}
