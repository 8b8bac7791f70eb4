package io.codegenagentlogs.core.report;

import java.io.Serializable;

/** One entry of a type the policy fails on, reduced to what a report shows. All text is as sent, but bounded. */
public final class FailureDetail implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long index;
    private final String createdAt;
    private final String type;
    private final String tool;
    private final String message;

    public FailureDetail(long index, String createdAt, String type, String tool, String message) {
        this.index = index;
        this.createdAt = createdAt;
        this.type = type;
        this.tool = tool;
        this.message = message;
    }

    /** Zero-based position in the run's log. */
    public long index() {
        return index;
    }

    /** {@code created_at} as sent, or null. */
    public String createdAt() {
        return createdAt;
    }

    /** The normalized message type. */
    public String type() {
        return type;
    }

    /** The tool name, or null. */
    public String tool() {
        return tool;
    }

    /**
     * The observation (else the headline) as one clean line: no control characters, escape sequences
     * or bidi overrides; at most {@link SummaryAccumulator#MESSAGE_CHARS} characters plus an ellipsis; may be empty.
     */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "#" + index + " " + type + (tool == null ? "" : " " + tool) + ": " + message;
    }
}
