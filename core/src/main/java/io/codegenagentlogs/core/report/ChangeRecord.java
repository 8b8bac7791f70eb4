package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.util.List;

/**
 * One thing the agent did to code or to the repository: a call of a code-changing tool (see
 * {@link ChangeRules}), with what could be read from it. Every string is as sent, bounded.
 *
 * @param index zero-based position in the run's log
 * @param createdAt {@code created_at} as sent, or null
 * @param tool the tool name
 * @param files file paths found in its {@code tool_input}, at most {@link AuditTrail#MAX_FILES_PER_CHANGE}
 * @param command the shell command, for a command tool that ran git; else null
 * @param pullRequests pull-request URLs found in its {@code tool_output} or {@code observation}; none when it failed
 * @param commits commit ids found in its {@code tool_output} or {@code observation}; none when it failed
 * @param failed whether its result reported a failure (as in {@link ToolStats})
 */
public record ChangeRecord(long index, String createdAt, String tool, List<String> files, String command,
        List<String> pullRequests, List<String> commits, boolean failed) implements Serializable {
    public ChangeRecord {
        files = List.copyOf(files);
        pullRequests = List.copyOf(pullRequests);
        commits = List.copyOf(commits);
    }
}
