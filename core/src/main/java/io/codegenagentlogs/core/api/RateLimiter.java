package io.codegenagentlogs.core.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hands out request slots first come, first served, never more than {@code limit.requests()} in any
 * window of {@code limit.window()} plus a safety margin. A caller {@link #reserve() reserves} its own
 * slot, now or in the future, and sends when {@link #nanosUntil} says so: nobody waits inside the
 * limiter, so no thread is held, and nobody who asked later goes first.
 *
 * <p>It is a sliding window, not a token bucket: a full bucket plus a window's refill could send nearly
 * twice the limit within one window. The margin ({@link #MARGIN_DIVISOR}: the window plus 2 %, so 60
 * requests per 61.2 s for Codegen's 60 per 60 s) absorbs the difference between when a request leaves
 * here and when the server counts it.
 *
 * <p>One limiter per token and host is shared by every watcher in the JVM ({@link #shared}): a Jenkins
 * controller runs many builds with one token, and the server counts them all together. A 429 seen by
 * one watcher pauses them all ({@link #pauseFor}), and moves every reservation not yet used by the
 * length of the pause.
 */
public final class RateLimiter {
    /** The margin is the window divided by this (2 %). */
    public static final int MARGIN_DIVISOR = 50;

    private static final ConcurrentMap<String, RateLimiter> SHARED = new ConcurrentHashMap<>();

    private final RateLimit limit;
    private final TimeSource time;
    /** The times of the last {@code requests} slots handed out, oldest at {@code next} once full. */
    private final long[] slots;
    private final long windowNanos;
    private int next;
    private int issued;
    private long lastSlot;
    private long pausedUntil;
    /** The sum of every pause's shift so far: a reservation moves by what was added after it was made. */
    private long shifted;

    public RateLimiter(RateLimit limit, TimeSource time) {
        this.limit = limit;
        this.time = time;
        this.slots = new long[limit.requests()];
        long window = Durations.toNanosSaturated(limit.window());
        long margin = window / MARGIN_DIVISOR;
        this.windowNanos = Long.MAX_VALUE - margin < window ? Long.MAX_VALUE : window + margin;
        // not 0: nanoTime() has an arbitrary origin and may be negative, which would read as a pause until 0
        long now = time.nanoTime();
        this.pausedUntil = now;
        this.lastSlot = now;
    }

    /**
     * The limiter shared by everyone using this token against this host. The first caller's limit
     * applies; later callers with another limit share it all the same, since the server has one.
     */
    public static RateLimiter shared(ApiToken token, String hostAndPort, RateLimit limit) {
        return SHARED.computeIfAbsent(token.fingerprint() + "@" + hostAndPort, k -> new RateLimiter(limit, TimeSource.SYSTEM));
    }

    public RateLimit limit() {
        return limit;
    }

    /** The average spacing of requests the limit allows (window plus margin, over requests per window). */
    public long slotSpacingNanos() {
        return windowNanos / slots.length;
    }

    /**
     * Takes the next free slot: not before any slot reserved earlier, not within a window (plus margin)
     * of the slot {@code requests} places back, not during a pause. Never waits.
     */
    public synchronized Reservation reserve() {
        long now = time.nanoTime();
        long at = now;
        if (pausedUntil - at > 0) {
            at = pausedUntil;
        }
        if (issued == slots.length) {
            long free = slots[next] + windowNanos;
            if (free - at > 0) {
                at = free;
            }
        } else {
            issued++;
        }
        if (lastSlot - at > 0) {
            at = lastSlot;
        }
        slots[next] = at;
        next = (next + 1) % slots.length;
        lastSlot = at;
        return new Reservation(at, shifted);
    }

    /** Nanoseconds until the reserved slot comes (a pause since reserving included); zero or less: send now. */
    public synchronized long nanosUntil(Reservation reservation) {
        long at = reservation.at + (shifted - reservation.shiftedBefore);
        if (pausedUntil - at > 0) {
            at = pausedUntil;
        }
        return at - time.nanoTime();
    }

    /**
     * The server said "too many": nobody sharing this limiter sends anything for {@code nanos}, and
     * reservations not used yet move later by as much as the pause grew.
     */
    public synchronized void pauseFor(long nanos) {
        long now = time.nanoTime();
        long until = nanos > Long.MAX_VALUE / 2 ? now + Long.MAX_VALUE / 2 : now + nanos;
        long from = pausedUntil - now > 0 ? pausedUntil : now;
        long delta = until - from;
        if (delta <= 0) {
            return;
        }
        pausedUntil = until;
        shifted += delta;
        for (int i = 0; i < issued; i++) {
            if (slots[i] - now >= 0) {
                slots[i] += delta;
            }
        }
        if (lastSlot - now >= 0) {
            lastSlot += delta;
        }
    }

    /** A slot of this limiter, taken by {@link #reserve()}. */
    public static final class Reservation {
        private final long at;
        private final long shiftedBefore;

        private Reservation(long at, long shiftedBefore) {
            this.at = at;
            this.shiftedBefore = shiftedBefore;
        }
    }
}
