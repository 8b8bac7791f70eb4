package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.time.Instant;

/** One sampled entry of the run's timeline: where it was in the log, when, and of what type. */
public final class TimelinePoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long index;
    private final Instant at;
    private final String type;

    public TimelinePoint(long index, Instant at, String type) {
        this.index = index;
        this.at = at;
        this.type = type;
    }

    /** Zero-based position in the run's log. */
    public long index() {
        return index;
    }

    /** {@code created_at}, or null when absent or unreadable. */
    public Instant at() {
        return at;
    }

    /** The normalized message type (bounded in length). */
    public String type() {
        return type;
    }

    @Override
    public String toString() {
        return "#" + index + " " + type + " @" + at;
    }
}
