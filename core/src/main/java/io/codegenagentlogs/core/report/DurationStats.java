package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * How long something took, over several occurrences. Approximate by nature: an entry's duration is
 * the time from its {@code created_at} to the next entry's, which includes the agent's own thinking
 * after the tool returned. Percentiles are exact up to {@link DurationSketch#EXACT} samples, then
 * within 1% (see {@link DurationSketch}).
 *
 * @param count how many durations were measured
 * @param totalMillis their sum
 * @param medianMillis the 50th percentile (nearest rank)
 * @param p95Millis the 95th percentile (nearest rank)
 * @param maxMillis the longest
 */
public record DurationStats(long count, long totalMillis, long medianMillis, long p95Millis, long maxMillis)
        implements Serializable {
    @Override
    public String toString() {
        return count + " timed, total " + totalMillis + " ms, median " + medianMillis + " ms, p95 " + p95Millis
                + " ms, max " + maxMillis + " ms";
    }
}
