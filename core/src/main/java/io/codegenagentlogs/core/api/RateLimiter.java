package io.codegenagentlogs.core.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A sliding-window limiter: never more than {@code limit.requests()} permits in any window of
 * {@code limit.window()}. Unlike a token bucket (a full bucket plus a window's refill can nearly
 * double the rate in one window), this never exceeds the server's own count.
 *
 * <p>One limiter per token is shared by every watcher in the JVM ({@link #shared}): a Jenkins
 * controller runs many builds with one token, and the server counts them all together. A 429
 * seen by one watcher pauses them all ({@link #pauseFor}).
 */
public final class RateLimiter {
    private static final ConcurrentMap<String, RateLimiter> SHARED = new ConcurrentHashMap<>();

    private final TimeSource time;
    private final long[] issuedAt;
    private final long windowNanos;
    private int next;
    private int issued;
    private long pausedUntil;

    public RateLimiter(RateLimit limit, TimeSource time) {
        this.time = time;
        this.issuedAt = new long[limit.requests()];
        this.windowNanos = Durations.toNanosSaturated(limit.window());
        // not 0: nanoTime() has an arbitrary origin and may be negative, which would read as a pause until 0
        this.pausedUntil = time.nanoTime();
    }

    /**
     * The limiter shared by everyone using this token against this host. The first caller's limit
     * applies; later callers with another limit share it all the same, since the server has one.
     */
    public static RateLimiter shared(ApiToken token, String hostAndPort, RateLimit limit) {
        return SHARED.computeIfAbsent(token.fingerprint() + "@" + hostAndPort, k -> new RateLimiter(limit, TimeSource.SYSTEM));
    }

    /** Blocks until a request may be sent. */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait = tryAcquire();
            if (wait <= 0) {
                return;
            }
            time.sleep(wait);
        }
    }

    /**
     * Takes a permit if one is free now.
     *
     * @return 0 when taken, else the nanoseconds to wait before trying again
     */
    public synchronized long tryAcquire() {
        long now = time.nanoTime();
        if (now - pausedUntil < 0) {
            return pausedUntil - now;
        }
        if (issued == issuedAt.length) {
            // elapsed time against the window, not "oldest + window" against now: neither overflows
            long elapsed = now - issuedAt[next];
            if (elapsed < windowNanos) {
                return windowNanos - elapsed;
            }
        } else {
            issued++;
        }
        issuedAt[next] = now;
        next = (next + 1) % issuedAt.length;
        return 0;
    }

    /** The server said "too many": nobody sharing this limiter sends anything for {@code nanos}. */
    public synchronized void pauseFor(long nanos) {
        long until = time.nanoTime() + nanos;
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }
}
