package io.codegenagentlogs.core.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retrying a failed request: exponential backoff with jitter, capped, and a
 * bound on what a server's {@code Retry-After} may ask. How long to keep retrying is not its
 * business: the watcher retries by time (its outage budget), not by count.
 */
public final class RetryPolicy implements Serializable {
    private static final long serialVersionUID = 2L;

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    private RetryPolicy(Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initialDelay + " and " + maxDelay);
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** 1 s doubling up to 30 s; Retry-After honoured up to 5 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** Backoff from {@code initialDelay} doubling up to {@code maxDelay}; Retry-After honoured up to 5 minutes. */
    public static RetryPolicy of(Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(initialDelay, maxDelay, Duration.ofMinutes(5));
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The wait after {@code failedAttempts} failures in a row: "equal jitter", half fixed and half
     * random, so that watchers that failed together do not retry together.
     */
    public long backoffNanos(int failedAttempts) {
        long base = initialDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = Math.max(0, failedAttempts - 1);
        // base << shift must not reach the sign bit: past that it wraps, and a negative wait means no wait at all
        long exp = shift >= Long.numberOfLeadingZeros(base) - 1 ? cap : Math.min(cap, base << shift);
        long half = exp / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }

    /** A server-given wait, bounded so that a silly header cannot stall a build for hours. */
    public long retryAfterNanos(Duration retryAfter) {
        // compared as Durations: an absurd header (10^11 s, the year 9999) does not fit in long nanoseconds
        if (retryAfter.isNegative()) {
            return 0;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter.toNanos() : retryAfter.toNanos();
    }
}
