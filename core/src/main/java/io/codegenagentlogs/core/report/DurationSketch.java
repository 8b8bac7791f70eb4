package io.codegenagentlogs.core.report;

import java.util.Arrays;

/**
 * Collects durations in bounded memory and answers percentiles. The first {@link #EXACT} samples are
 * kept as they are, so small runs get exact answers; past that they move into logarithmic buckets
 * ({@link #GAMMA} apart, like DDSketch), where a percentile is within 1% of the true value. Count,
 * total and maximum are always exact. At most about 4.5 KB whatever the number of samples (fewer than
 * 2^31 per bucket, far more than a run has entries).
 */
final class DurationSketch {
    static final int EXACT = 512;
    /** Buckets 0 and 1 hold 0 and 1 ms; bucket i > 1 holds (GAMMA^(i-2), GAMMA^(i-1)] ms, read back with a relative error under (GAMMA-1)/(GAMMA+1) < 1%. */
    static final double GAMMA = 1.02;
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** Enough buckets for 100 days in milliseconds; longer durations share the last one. */
    private static final int BUCKETS = (int) Math.ceil(Math.log(100L * 24 * 3600 * 1000) / LOG_GAMMA) + 2;

    private long[] exact = new long[8];
    private int[] buckets;
    private long count;
    private long total;
    private long max;

    void add(long millis) {
        long ms = Math.max(0, millis);
        count++;
        total = total + ms < total ? Long.MAX_VALUE : total + ms;
        max = Math.max(max, ms);
        if (buckets == null) {
            if (count <= EXACT) {
                if (count > exact.length) {
                    exact = Arrays.copyOf(exact, Math.min(EXACT, exact.length * 2));
                }
                exact[(int) count - 1] = ms;
                return;
            }
            buckets = new int[BUCKETS];
            for (long e : exact) {
                buckets[bucket(e)]++;
            }
            exact = null;
        }
        buckets[bucket(ms)]++;
    }

    long count() {
        return count;
    }

    /** Null when nothing was added. */
    DurationStats stats() {
        if (count == 0) {
            return null;
        }
        return new DurationStats(count, total, percentile(0.5), percentile(0.95), max);
    }

    /** The nearest-rank percentile: the smallest value with at least q of the samples at or below it. */
    long percentile(double q) {
        long rank = Math.max(1, (long) Math.ceil(q * count));
        if (buckets == null) {
            long[] sorted = Arrays.copyOf(exact, (int) count);
            Arrays.sort(sorted);
            return sorted[(int) rank - 1];
        }
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return Math.min(max, value(i));
            }
        }
        return max;
    }

    private static int bucket(long ms) {
        if (ms <= 1) {
            return (int) ms; // 0 ms and 1 ms exactly
        }
        return (int) Math.min(BUCKETS - 1, 1 + Math.ceil(Math.log(ms) / LOG_GAMMA));
    }

    /** The value a bucket stands for: the middle of its range in relative terms. */
    private static long value(int bucket) {
        if (bucket <= 1) {
            return bucket;
        }
        double upper = Math.pow(GAMMA, bucket - 1);
        return Math.round(2 * upper / (1 + GAMMA));
    }
}
