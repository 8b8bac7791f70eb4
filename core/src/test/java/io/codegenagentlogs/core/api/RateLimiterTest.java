package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class RateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Time that moves only when told. */
    static final class FakeTime implements TimeSource {
        long nanos = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long currentTimeMillis() {
            return nanos / 1_000_000;
        }

        @Override
        public void sleep(long n) {
            nanos += n;
        }
    }

    /** Where each of {@code n} reservations made at once falls, from now. */
    private static long[] reserveAll(RateLimiter limiter, FakeTime time, int n) {
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = limiter.nanosUntil(limiter.reserve());
        }
        return at;
    }

    @Test
    public void neverMoreThanTheLimitInAnyWindowPlusTheMargin() {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimit(60, Duration.ofSeconds(60)), time);
        long[] at = reserveAll(limiter, time, 200);
        long window = 60 * SECOND + 60 * SECOND / RateLimiter.MARGIN_DIVISOR;
        for (int i = 60; i < at.length; i++) {
            assertTrue("slot " + i + " within a window of slot " + (i - 60), at[i] - at[i - 60] >= window);
        }
        // the first 60 go at once; then exactly one window plus the margin later, not a token bucket's trickle
        assertEquals(0, at[59]);
        assertEquals(window, at[60]);
        assertEquals(61_200_000_000L, window);
    }

    @Test
    public void reservationsAreFirstComeFirstServedAndNeverWait() {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimit(2, Duration.ofSeconds(1)), time);
        List<RateLimiter.Reservation> queue = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queue.add(limiter.reserve());
        }
        long previous = Long.MIN_VALUE;
        for (RateLimiter.Reservation r : queue) {
            long wait = limiter.nanosUntil(r);
            assertTrue("later reservations never come first", wait >= previous);
            previous = wait;
        }
        // a reservation made later, after time passed, still goes after every earlier one
        time.nanos += 3 * SECOND;
        assertTrue(limiter.nanosUntil(limiter.reserve()) >= limiter.nanosUntil(queue.get(9)));
    }

    @Test
    public void aPauseHoldsEveryoneBackAndMovesReservationsNotYetUsed() {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimit(2, Duration.ofSeconds(1)), time);
        RateLimiter.Reservation now = limiter.reserve();
        RateLimiter.Reservation second = limiter.reserve();
        RateLimiter.Reservation later = limiter.reserve();
        long laterBefore = limiter.nanosUntil(later);
        limiter.pauseFor(5 * SECOND);
        assertEquals(5 * SECOND, limiter.nanosUntil(now));
        assertEquals(5 * SECOND, limiter.nanosUntil(second));
        assertEquals(laterBefore + 5 * SECOND, limiter.nanosUntil(later));
        assertEquals("a new reservation waits for the pause too", laterBefore + 5 * SECOND, limiter.nanosUntil(limiter.reserve()));
        // a shorter pause on top of a longer one changes nothing
        limiter.pauseFor(SECOND);
        assertEquals(5 * SECOND, limiter.nanosUntil(now));
        time.nanos += 5 * SECOND;
        assertEquals(0, limiter.nanosUntil(now));
    }

    @Test
    public void oneLimiterPerTokenAndHost() {
        RateLimiter a = RateLimiter.shared(ApiToken.of("token-one"), "api.codegen.com", RateLimit.CODEGEN_DEFAULT);
        assertSame(a, RateLimiter.shared(ApiToken.of("token-one"), "api.codegen.com", RateLimit.CODEGEN_DEFAULT));
        assertNotSame(a, RateLimiter.shared(ApiToken.of("token-two"), "api.codegen.com", RateLimit.CODEGEN_DEFAULT));
    }

    @Test
    public void parsesLimits() {
        assertEquals(new RateLimit(60, Duration.ofSeconds(60)), RateLimit.parse("60/60s"));
        assertEquals(new RateLimit(5, Duration.ofMinutes(1)), RateLimit.parse("5/1m"));
    }

    @Test
    public void aWindowLongerThanNanosecondsHoldDoesNotOverflow() {
        FakeTime time = new FakeTime();
        // 3,000,000 hours: more nanoseconds than a long holds ("--rate-limit 1/3000000h" parses)
        RateLimiter limiter = new RateLimiter(RateLimit.parse("1/3000000h"), time);
        assertEquals(0, limiter.nanosUntil(limiter.reserve()));
        long wait = limiter.nanosUntil(limiter.reserve());
        assertTrue("waits (practically) for ever: " + wait, wait > TimeUnit.DAYS.toNanos(365L * 100));
    }

    @Test
    public void worksWhateverValueTheMonotonicClockStartsAt() {
        // System.nanoTime() may be negative: "pausedUntil = 0" must not read as a pause lasting until 0
        FakeTime time = new FakeTime();
        time.nanos = -5_000_000_000_000L;
        RateLimiter limiter = new RateLimiter(new RateLimit(2, Duration.ofSeconds(1)), time);
        assertEquals(0, limiter.nanosUntil(limiter.reserve()));
        assertEquals(0, limiter.nanosUntil(limiter.reserve()));
        assertEquals(SECOND + SECOND / RateLimiter.MARGIN_DIVISOR, limiter.nanosUntil(limiter.reserve()));
    }
}
