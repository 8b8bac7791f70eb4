package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * One tool's use during a run. What counts as what (the same words appear in every renderer):
 * <ul>
 *   <li>a <em>call</em> is an entry that names the tool in {@code tool_name}, whatever its type;</li>
 *   <li>an <em>ERROR entry</em> is a call of type {@code ERROR}: the agent reported the tool's failure
 *       as an error entry;</li>
 *   <li>a <em>failed call</em> is any other call whose {@code observation} or {@code tool_output} is an
 *       object that reports a failure: {@code "status"} {@code error}, {@code failed} or {@code failure},
 *       a non-empty {@code "error"}, or a non-zero {@code "exit_code"}.</li>
 * </ul>
 * A command that fails is often logged twice, as a failed ACTION and then as an ERROR entry; the two
 * columns keep those apart instead of adding them up.
 *
 * @param name the tool name as sent (shortened when absurdly long), or {@link RunSummary#OTHER} for the overflow bucket
 * @param calls entries that named this tool
 * @param errorEntries of those, entries of type ERROR
 * @param failedCalls of those, non-ERROR entries whose result reported a failure
 * @param time approximate time per call (entry to next entry), or null when no call could be timed
 */
public record ToolStats(String name, long calls, long errorEntries, long failedCalls, DurationStats time)
        implements Serializable {

    /** ERROR entries and failed calls together: the calls that went wrong in either way. */
    public long errors() {
        return errorEntries + failedCalls;
    }

    @Override
    public String toString() {
        return name + ": " + calls + " calls, " + errorEntries + " ERROR entries, " + failedCalls + " failed";
    }
}
