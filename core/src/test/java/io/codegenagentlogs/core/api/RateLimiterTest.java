package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class RateLimiterTest {
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

    @Test
    public void neverIssuesMoreThanTheLimitInAnyWindow() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimit(60, Duration.ofSeconds(60)), time);
        long[] issued = new long[200];
        for (int i = 0; i < issued.length; i++) {
            limiter.acquire();
            issued[i] = time.nanos;
            time.nanos += TimeUnit.MILLISECONDS.toNanos(100);
        }
        for (int i = 60; i < issued.length; i++) {
            assertTrue("request " + i + " came within 60 s of request " + (i - 60),
                    issued[i] - issued[i - 60] >= TimeUnit.SECONDS.toNanos(60));
        }
        // a token bucket would have allowed a burst of 60 and then one per second; the window allows exactly 60 per 60 s
        assertEquals(TimeUnit.SECONDS.toNanos(60), issued[60] - issued[0]);
    }

    @Test
    public void aPauseHoldsEveryoneBack() {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimit(60, Duration.ofSeconds(60)), time);
        limiter.pauseFor(TimeUnit.SECONDS.toNanos(5));
        assertEquals(TimeUnit.SECONDS.toNanos(5), limiter.tryAcquire());
        time.nanos += TimeUnit.SECONDS.toNanos(5);
        assertEquals(0, limiter.tryAcquire());
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
        assertEquals(0, limiter.tryAcquire());
        long wait = limiter.tryAcquire();
        assertTrue("waits (practically) for ever: " + wait, wait > TimeUnit.DAYS.toNanos(365L * 100));
    }
}
