package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * One entry of a type the policy fails on, reduced to what a report shows. All text is as sent, but bounded.
 *
 * @param index zero-based position in the run's log
 * @param createdAt {@code created_at} as sent, or null
 * @param type the normalized message type
 * @param tool the tool name, or null
 * @param message the observation (else the headline) as one clean line: no control characters, escape
 *     sequences or bidi overrides; at most {@link SummaryAccumulator#MESSAGE_CHARS} characters plus an
 *     ellipsis; may be empty
 */
public record FailureDetail(long index, String createdAt, String type, String tool, String message) implements Serializable {
    @Override
    public String toString() {
        return "#" + index + " " + type + (tool == null ? "" : " " + tool) + ": " + message;
    }
}
