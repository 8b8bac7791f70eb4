package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * An {@code AGENT_RUN_LINK} entry: another agent run this one is linked to.
 *
 * @param index zero-based position in the run's log
 * @param createdAt {@code created_at} as sent, or null
 * @param runId the linked run's id ({@code agent_run_id}, {@code run_id} or {@code id}), or null
 * @param url the linked run's http(s) URL ({@code web_url} or {@code url}, or the first http(s) URL in a text), or null
 * @param text anything else the entry said (its relation, its text), one line, bounded; may be empty
 */
public record LinkedRun(long index, String createdAt, Long runId, String url, String text) implements Serializable {
    public static final int MAX_SHOWN = 100;
}
