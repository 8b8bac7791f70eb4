package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * One entry of a type the policy fails on, reduced to what a report shows. All text is as sent, but bounded.
 *
 * @param index zero-based position in the run's log (line {@code index + 1} of {@code logs.ndjson})
 * @param createdAt {@code created_at} as sent, or null
 * @param type the normalized message type
 * @param tool the tool name, or null
 * @param message the human message (see {@link HumanText#message}: an object observation's {@code error},
 *     {@code message} or {@code summary}...) as one clean line: no control characters, escape sequences or
 *     bidi overrides; at most {@link SummaryAccumulator#MESSAGE_CHARS} characters plus an ellipsis; may be empty
 * @param text everything the observation says, as text with its line breaks ({@link HumanText#detail}), as
 *     sent, at most {@link SummaryAccumulator#TEXT_CHARS} characters plus an ellipsis; may be empty
 * @param raw the entry's JSON as received, at most {@link SummaryAccumulator#RAW_CHARS} characters plus an ellipsis
 */
public record FailureDetail(long index, String createdAt, String type, String tool, String message, String text,
        String raw) implements Serializable {
    @Override
    public String toString() {
        return "#" + index + " " + type + (tool == null ? "" : " " + tool) + ": " + message;
    }
}
