package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * One tool call and how long it took, approximately: from its entry to the next entry.
 *
 * @param index zero-based position in the run's log
 * @param createdAt {@code created_at} as sent, or null
 * @param tool the tool name
 * @param millis the time to the next entry
 */
public record TimedCall(long index, String createdAt, String tool, long millis) implements Serializable {
    /** The longest calls kept. */
    public static final int MAX_SHOWN = 10;
}
