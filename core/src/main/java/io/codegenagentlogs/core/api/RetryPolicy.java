package io.codegenagentlogs.core.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How transient failures (429, 502/503/504, resets, timeouts) are retried: exponential backoff
 * with jitter, a server's Retry-After taking precedence, a bounded number of attempts.
 */
public final class RetryPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    private RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** 6 attempts, 1 s doubling up to 30 s, Retry-After honoured up to 5 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    public static RetryPolicy of(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, Duration.ofMinutes(5));
    }

    /** Attempts in all, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}: "equal jitter", half fixed and half
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
