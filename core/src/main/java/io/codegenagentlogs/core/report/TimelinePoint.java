package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.time.Instant;

/**
 * One sampled entry of the run's timeline: where it was in the log, when, and of what type.
 *
 * @param index zero-based position in the run's log
 * @param at {@code created_at}, or null when absent or unreadable
 * @param type the normalized message type (bounded in length)
 */
public record TimelinePoint(long index, Instant at, String type) implements Serializable {
    @Override
    public String toString() {
        return "#" + index + " " + type + " @" + at;
    }
}
