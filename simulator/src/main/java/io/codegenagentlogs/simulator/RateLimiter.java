package io.codegenagentlogs.simulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per API token, shared by all endpoints: it holds up to {@code requests} tokens and
 * refills continuously at {@code requests / perSeconds} per second, so bursts are allowed up to the
 * limit and then requests are spaced out, as a per-window limit looks to a polling client.
 */
final class RateLimiter {
    private static final class Bucket {
        double tokens;
        long updatedMillis;
    }

    private final RateLimit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes one request's token: 0 when allowed, else the milliseconds until one will be available. */
    synchronized long acquire(String apiToken) {
        long now = clock.millis();
        double perMilli = (double) limit.requests() / (limit.perSeconds() * 1000.0);
        Bucket bucket = buckets.computeIfAbsent(apiToken, t -> {
            Bucket fresh = new Bucket();
            fresh.tokens = limit.requests();
            fresh.updatedMillis = now;
            return fresh;
        });
        bucket.tokens = Math.min(limit.requests(), bucket.tokens + Math.max(0, now - bucket.updatedMillis) * perMilli);
        bucket.updatedMillis = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli));
    }
}
